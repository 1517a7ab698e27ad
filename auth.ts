import NextAuth, { type DefaultSession } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { claimSession, SESSION_DAYS } from '@/lib/auth/sessions';
import { env } from '@/lib/env';

/**
 * next-auth issues and reads the session cookie (secure, httpOnly, encrypted JWT). What a cookie
 * may do is decided by the server-side session row it names: the sign-in actions verify the phone
 * code or the staff password, create that row, and hand its id to the "session" provider here,
 * which claims it once.
 */
declare module 'next-auth' {
  interface Session {
    sid: string;
    kind: 'RESIDENT' | 'STAFF';
    user: DefaultSession['user'];
  }
  interface User {
    sid?: string;
    kind?: 'RESIDENT' | 'STAFF';
  }
}

const claim = z.object({ sid: z.uuid() });

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env().AUTH_SECRET,
  trustHost: true,
  session: { strategy: 'jwt', maxAge: SESSION_DAYS.RESIDENT * 86_400 },
  pages: { signIn: '/login' },
  providers: [
    Credentials({
      id: 'session',
      credentials: { sid: {} },
      async authorize(raw) {
        const parsed = claim.safeParse(raw);
        if (!parsed.success) return null;
        const session = await claimSession(parsed.data.sid, new Date());
        if (!session) return null;
        return { id: session.subjectId, sid: session.sid, kind: session.kind };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.sid && user.kind) {
        token.sid = user.sid;
        token.kind = user.kind;
      }
      return token;
    },
    session({ session, token }) {
      return {
        ...session,
        sid: typeof token.sid === 'string' ? token.sid : '',
        kind: token.kind === 'STAFF' ? 'STAFF' : 'RESIDENT',
      };
    },
  },
}));
