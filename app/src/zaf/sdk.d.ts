// The npm SDK is CommonJS without types; it returns false outside a Zendesk iframe (no origin or
// app_guid on the URL).
declare module "zendesk_app_framework_sdk" {
  const ZAFClient: { init(callback?: (context: unknown) => void): object | false };
  export default ZAFClient;
}
