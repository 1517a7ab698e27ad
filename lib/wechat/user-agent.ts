// WeChat's in-app browser (Android X5 and iOS alike) announces itself as MicroMessenger.
export function isWeChatBrowser(userAgent: string | null | undefined): boolean {
  return userAgent !== null && userAgent !== undefined && /MicroMessenger\//i.test(userAgent);
}
