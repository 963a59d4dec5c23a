import { randomBytes } from 'node:crypto';

/** One part of a multipart/form-data body: a file when it has a file name, else a text field. */
export interface MultipartPart {
  readonly name: string;
  readonly filename?: string;
  readonly contentType?: string;
  readonly data: Buffer | string;
}

/** A multipart/form-data body written by hand, so that it can be wrong in every way a client can. */
export function multipartBody(parts: readonly MultipartPart[]): {
  contentType: string;
  payload: Buffer;
} {
  const boundary = `fuzz${randomBytes(8).toString('hex')}`;
  const chunks = parts.flatMap((part) => {
    const disposition = `form-data; name="${part.name}"${
      part.filename === undefined ? '' : `; filename="${part.filename}"`
    }`;
    const headers = [
      `--${boundary}`,
      `Content-Disposition: ${disposition}`,
      ...(part.contentType ? [`Content-Type: ${part.contentType}`] : []),
    ];
    return [
      Buffer.from(`${headers.join('\r\n')}\r\n\r\n`),
      Buffer.from(part.data),
      Buffer.from('\r\n'),
    ];
  });
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    payload: Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]),
  };
}
