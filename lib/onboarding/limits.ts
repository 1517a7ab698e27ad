/** Console uploads run inside a request, so they are kept small; larger files go through the CLI. */
export const UPLOAD_LIMIT_BYTES = 10 * 1024 * 1024;
export const UPLOAD_LIMIT_TEXT = '10 MB';
export const MAPPING_LIMIT_BYTES = 1024 * 1024;
