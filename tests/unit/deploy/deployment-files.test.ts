import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { parseEnv } from '@/lib/env';

/**
 * Neither Docker nor kubectl runs here, so the deployment files are checked as data: every YAML
 * parses, and the fields that make the portal safe to run are present and agree with each other.
 */
const root = process.cwd();
const KUSTOMIZE = path.join(root, 'deploy/kustomize');

type Obj = Record<string, unknown>;

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? yamlFiles(path.join(dir, e.name)) : e.name.endsWith('.yaml') ? [path.join(dir, e.name)] : [],
  );
}

function parseFile(file: string): Obj[] {
  const docs = parseAllDocuments(readFileSync(file, 'utf8'));
  const list = Array.isArray(docs) ? docs : [docs];
  for (const doc of list) {
    if (doc.errors.length) throw new Error(`${path.relative(root, file)}: ${doc.errors.map((e) => e.message).join('; ')}`);
  }
  return list.map((d) => d.toJS() as Obj).filter(Boolean);
}

const all = yamlFiles(KUSTOMIZE).map((file) => ({ file, docs: parseFile(file) }));
const manifests = all.flatMap(({ docs }) => docs).filter((d) => typeof d.kind === 'string' && d.kind !== 'Kustomization');

function one(kind: string, name?: string): Obj {
  const found = manifests.filter((m) => m.kind === kind && (!name || (m.metadata as Obj).name === name));
  expect(found, `${kind} ${name ?? ''}`).toHaveLength(1);
  return found[0]!;
}

// Tiny accessors for nested manifest fields: at(o, 'spec.template.spec'), as an object or a number.
function at(o: unknown, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((v, k) => (v == null ? undefined : (v as Obj)[/^\d+$/.test(k) ? Number(k) : k]), o);
}
const obj = (o: unknown, dotted: string) => (at(o, dotted) ?? {}) as Obj;
const num = (o: unknown, dotted: string) => Number(at(o, dotted));

function labelsMatch(selector: unknown, labels: unknown): boolean {
  return Object.entries(selector as Record<string, string>).every(([k, v]) => (labels as Record<string, string>)[k] === v);
}

describe('Kubernetes manifests (kustomize)', () => {
  it('every YAML file parses and every kustomization lists files that exist', () => {
    expect(all.length).toBeGreaterThanOrEqual(10);
    for (const { file, docs } of all) {
      for (const doc of docs.filter((d) => d.kind === 'Kustomization')) {
        for (const resource of (doc.resources as string[] | undefined) ?? []) {
          expect(existsSync(path.join(path.dirname(file), resource)), `${path.relative(root, file)} → ${resource}`).toBe(true);
        }
      }
    }
    const base = parseFile(path.join(KUSTOMIZE, 'base/kustomization.yaml'))[0]!;
    for (const kind of ['Deployment', 'Service', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'ConfigMap']) {
      const listed = (base.resources as string[]).flatMap((r) => parseFile(path.join(KUSTOMIZE, 'base', r)));
      expect(listed.some((m) => m.kind === kind), kind).toBe(true);
    }
  });

  it('the Deployment: 2 CPU / 4 GiB limits, health probes, non-root, config from a ConfigMap and a Secret', () => {
    const deployment = one('Deployment', 'nuanxin');
    const pod = obj(deployment, 'spec.template.spec');
    const [container] = pod.containers as Obj[];
    expect(at(container, 'resources.limits')).toEqual({ cpu: '2', memory: '4Gi' });
    const port = (container!.ports as Obj[]).find((p) => p.name === 'http')!;
    for (const probe of ['readinessProbe', 'livenessProbe']) {
      expect(at(container, `${probe}.httpGet.path`), probe).toBe('/api/health');
      expect([port.name, port.containerPort]).toContain(at(container, `${probe}.httpGet.port`));
    }
    expect(at(pod, 'securityContext.runAsNonRoot')).toBe(true);
    expect(num(pod, 'securityContext.runAsUser')).toBeGreaterThan(0);
    expect(at(container, 'securityContext.allowPrivilegeEscalation')).toBe(false);
    const from = (container!.envFrom as Obj[]).map((e) => Object.keys(e)[0]);
    expect(from).toEqual(expect.arrayContaining(['configMapRef', 'secretRef']));
    // The grace period covers the preStop pause plus the server's own shutdown bound.
    const config = one('ConfigMap', 'nuanxin-config').data as Record<string, string>;
    const preStop = Number(at(container, 'lifecycle.preStop.exec.command.1') ?? 0);
    expect(num(pod, 'terminationGracePeriodSeconds')).toBeGreaterThan(preStop + Number(config.SHUTDOWN_TIMEOUT_SECONDS));
    expect(labelsMatch(at(deployment, 'spec.selector.matchLabels'), at(deployment, 'spec.template.metadata.labels'))).toBe(true);
    expect(Number(config.PORT)).toBe(port.containerPort);
  });

  it('the ConfigMap, with the secrets, is a configuration the server accepts', () => {
    const config = one('ConfigMap', 'nuanxin-config').data as Record<string, string>;
    const secrets = {
      DATABASE_URL: 'postgresql://nuanxin:secret@pgbouncer.nuanxin:6432/nuanxin',
      AUTH_SECRET: 'x'.repeat(40),
      PII_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
      PII_ACTIVE_KEY_ID: 'k1',
      PII_HMAC_KEY: Buffer.alloc(32, 2).toString('base64'),
    };
    const env = parseEnv({ NODE_ENV: 'production', ...config, ...secrets });
    expect(env.TLS_MODE).toBe('proxy');
    expect(env.demo).toBe(false);
    expect(env.payments.origin).toMatch(/^https:\/\//);
    expect(() => parseEnv({ NODE_ENV: 'production', ...config, ...secrets, PUBLIC_ORIGIN: undefined })).toThrow(/PUBLIC_ORIGIN/);
  });

  it('the Service, HPA and PDB point at the Deployment’s pods', () => {
    const deployment = one('Deployment', 'nuanxin');
    const podLabels = at(deployment, 'spec.template.metadata.labels');
    const service = one('Service', 'nuanxin');
    expect(labelsMatch(at(service, 'spec.selector'), podLabels)).toBe(true);
    const ports = (at(deployment, 'spec.template.spec.containers.0.ports') as Obj[]).map((p) => p.name);
    expect(ports).toContain(at(service, 'spec.ports.0.targetPort'));

    const hpa = one('HorizontalPodAutoscaler', 'nuanxin');
    expect(hpa.apiVersion).toBe('autoscaling/v2');
    expect(at(hpa, 'spec.scaleTargetRef')).toMatchObject({ kind: 'Deployment', name: 'nuanxin', apiVersion: 'apps/v1' });
    expect(at(hpa, 'spec.minReplicas')).toBeGreaterThanOrEqual(2);
    expect(num(hpa, 'spec.maxReplicas')).toBeGreaterThan(num(hpa, 'spec.minReplicas'));
    expect(at(hpa, 'spec.metrics.0.resource')).toMatchObject({ name: 'cpu', target: { type: 'Utilization' } });

    const pdb = one('PodDisruptionBudget', 'nuanxin');
    expect(labelsMatch(at(pdb, 'spec.selector.matchLabels'), podLabels)).toBe(true);
    expect(at(pdb, 'spec.minAvailable')).toBeGreaterThanOrEqual(1);
    expect(num(pdb, 'spec.minAvailable')).toBeLessThan(num(hpa, 'spec.minReplicas'));
  });

  it('the migration Job runs npm run db:migrate once, non-root, with the same configuration', () => {
    const job = one('Job', 'nuanxin-migrate');
    const pod = obj(job, 'spec.template.spec');
    expect(pod.restartPolicy).toBe('Never');
    expect(at(pod, 'securityContext.runAsNonRoot')).toBe(true);
    const container = obj(pod, 'containers.0');
    expect(container.command).toEqual(['npm', 'run', 'db:migrate']);
    expect(container.image).toBe(at(one('Deployment', 'nuanxin'), 'spec.template.spec.containers.0.image'));
    expect(container.envFrom).toEqual(at(one('Deployment', 'nuanxin'), 'spec.template.spec.containers.0.envFrom'));
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['db:migrate']).toBeDefined();
    // The production migration overlay and the production app overlay release the same image.
    const images = (file: string) => parseFile(path.join(KUSTOMIZE, file))[0]!.images;
    expect(images('overlays/production/migrate/kustomization.yaml')).toEqual(images('overlays/production/kustomization.yaml'));
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');
  const lines = dockerfile.split('\n').filter((l) => !l.trimStart().startsWith('#'));
  const stages = lines.map((l, i) => ({ l, i })).filter(({ l }) => /^FROM\s/i.test(l));
  const runtime = lines.slice(stages.at(-1)!.i);

  it('is multi-stage, builds in one stage and runs in another', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(stages.every(({ l }) => /\sAS\s+\w+/i.test(l))).toBe(true);
    expect(dockerfile).toMatch(/next\/dist\/bin\/next build/);
    expect(runtime.some((l) => /^COPY --from=build/.test(l))).toBe(true);
  });

  it('runs as a non-root user with a health check on /api/health and server.ts as the command', () => {
    const user = runtime.filter((l) => /^USER\s/.test(l)).at(-1)?.split(/\s+/)[1];
    expect(user).toBeDefined();
    expect(['root', '0', '0:0']).not.toContain(user);
    const healthcheck = runtime.join('\n').match(/HEALTHCHECK[\s\S]*?CMD (.*)/)?.[1] ?? '';
    expect(healthcheck).toContain('/api/health');
    expect(runtime.find((l) => /^CMD\s/.test(l))).toContain('server.ts');
    // Each process keeps its heap bounded (README: HEAP_LIMIT_MB).
    expect(runtime.join('\n')).toMatch(/NODE_OPTIONS=--max-old-space-size=\d+/);
  });

  it('.dockerignore keeps secrets, builds and local data out of the image', () => {
    const ignored = readFileSync(path.join(root, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim());
    for (const entry of ['node_modules', '.next', '.data', '.env', '.git']) expect(ignored, entry).toContain(entry);
  });
});

describe('nginx example', () => {
  const conf = readFileSync(path.join(root, 'deploy/nginx/nuanxin.conf'), 'utf8').replace(/#.*$/gm, '');

  it('terminates TLS 1.3 only and forwards to the pods with headers it sets itself', () => {
    const protocols = [...conf.matchAll(/ssl_protocols\s+([^;]+);/g)].map((m) => m[1]!.trim());
    expect(protocols).toEqual(['TLSv1.3']);
    expect(conf).toMatch(/listen\s+443\s+ssl/);
    expect(conf).toMatch(/proxy_pass\s+http:\/\/nuanxin;/);
    expect(conf).toMatch(/proxy_set_header\s+X-Forwarded-For\s+\$remote_addr;/);
    expect(conf).toMatch(/proxy_set_header\s+X-Forwarded-Proto\s+https;/);
    expect(conf).toMatch(/Strict-Transport-Security/);
    expect(conf).toMatch(/client_max_body_size\s+\d+[km];/);
    expect(conf).toMatch(/proxy_read_timeout\s+\d+s;/);
    expect(conf).not.toMatch(/X-Forwarded-For\s+\$proxy_add_x_forwarded_for/);
  });
});
