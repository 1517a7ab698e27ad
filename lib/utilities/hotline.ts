/** The hotline shown to people not yet tied to a utility; each utility's own is on its accounts. */
export function hotline(): string {
  return process.env.NUANXIN_HOTLINE ?? '96069';
}
