import { describe, expect, it } from 'vitest';
import { qrCodeDataUri, qrCodeSvg } from './qr-code.ts';

const uri = 'otpauth://totp/Baza:anna%40example.org?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Baza';

describe('QR codes', () => {
  it('renders an SVG document', async () => {
    const svg = await qrCodeSvg(uri);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* viewBox="0 0 (\d+) \1"/);
    expect(svg).toContain('<path');
    expect(await qrCodeSvg(`${uri}&x=1`)).not.toBe(svg);
  });

  it('embeds the same SVG in a base64 data URI', async () => {
    const dataUri = await qrCodeDataUri(uri);
    const prefix = 'data:image/svg+xml;base64,';
    expect(dataUri.startsWith(prefix)).toBe(true);
    expect(Buffer.from(dataUri.slice(prefix.length), 'base64').toString('utf8')).toBe(await qrCodeSvg(uri));
  });
});
