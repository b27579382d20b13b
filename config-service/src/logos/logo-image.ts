/**
 * Turns an uploaded logo into the one the service serves: the type read from the bytes (never the
 * file name or the declared type), the pixel count checked from the header before anything is decoded
 * (a decompression bomb is refused, not decoded), and the image re-encoded by sharp into a bounded
 * WebP without metadata — so what a browser receives is always our encoder's output, never the bytes
 * that were sent.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { logoLimits } from '@meldpunt/contracts';
import { DomainError } from '../errors/domain-error.ts';

export interface LogoImage {
  /** Lower-case hex SHA-256 of `image`. */
  hash: string;
  image: Buffer;
  width: number;
  height: number;
}

export type LogoFormat = 'png' | 'jpeg' | 'webp';

/** The format by the file's magic bytes: PNG's signature, JPEG's SOI marker, RIFF…WEBP; else undefined. */
export function sniffLogoFormat(bytes: Uint8Array): LogoFormat | undefined {
  const starts = (sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts([0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  return undefined;
}

const notAnImage = () => new DomainError({ code: 'logo-not-an-image' }, 'logo upload is not a PNG, JPEG or WebP image');

/** Re-encodes an upload (at most `logoLimits.maxUploadBytes`, checked by the caller) into the logo to store. */
export async function reencodeLogo(upload: Uint8Array): Promise<LogoImage> {
  const format = sniffLogoFormat(upload);
  if (!format) throw notAnImage();
  // Only the format the bytes start with may decode them: sharp would otherwise take SVG, TIFF, GIF, …
  const options = { limitInputPixels: logoLimits.maxInputPixels, failOn: 'error', animated: false } as const;
  let width: number | undefined;
  let height: number | undefined;
  try {
    // The header only (metadata never decodes pixels), without the limit, so a bomb is told apart from a broken file.
    const meta = await sharp(upload, { ...options, limitInputPixels: false }).metadata();
    if (meta.format !== format) throw notAnImage();
    width = meta.width;
    height = meta.height;
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw notAnImage();
  }
  if (!width || !height) throw notAnImage();
  if (width * height > logoLimits.maxInputPixels) {
    throw new DomainError(
      { code: 'logo-too-many-pixels', maxPixels: logoLimits.maxInputPixels },
      'logo upload has too many pixels',
    );
  }
  let out: { data: Buffer; info: sharp.OutputInfo };
  try {
    out = await sharp(upload, options)
      .rotate() // upright by its EXIF orientation, which is then dropped with the rest of the metadata
      .resize(logoLimits.maxSide, logoLimits.maxSide, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 90, effort: 4 })
      .toBuffer({ resolveWithObject: true });
  } catch {
    throw notAnImage(); // a header that parses over data that does not decode
  }
  return {
    hash: createHash('sha256').update(out.data).digest('hex'),
    image: out.data,
    width: out.info.width,
    height: out.info.height,
  };
}
