import QRCode from 'qrcode';

/** A QR code as an SVG document, e.g. for an `otpauth://` URI. */
export function qrCodeSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

/** The same QR code as a `data:` URI for `<img src>` (the CSP allows `img-src data:`). */
export async function qrCodeDataUri(text: string): Promise<string> {
  const svg = await qrCodeSvg(text);
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}
