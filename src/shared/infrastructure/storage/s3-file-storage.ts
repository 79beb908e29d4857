import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import { assertStorageKey, type FileStorage } from '../../application/file-storage.ts';

export type S3StorageConfig = Readonly<{
  endpoint: string | undefined;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
}>;

/** S3's smallest part of a multipart upload (all but the last). */
const PART_BYTES = 5 * 1024 * 1024;

/**
 * Files in an S3-compatible bucket (AWS S3, MinIO, Ceph, …). Uploads stream: a file up to one
 * part (5 MiB) is one PutObject, a bigger one a multipart upload sent part by part, so at most
 * one part is held in memory; a failed upload is aborted and leaves no object.
 */
export function createS3FileStorage(
  config: S3StorageConfig,
  client = s3Client(config),
): FileStorage & {
  client: S3Client;
} {
  const Bucket = config.bucket;

  async function putLarge(key: string, first: Buffer, rest: AsyncIterator<Uint8Array>, contentType: string) {
    const created = await client.send(new CreateMultipartUploadCommand({ Bucket, Key: key, ContentType: contentType }));
    const UploadId = created.UploadId;
    if (!UploadId) throw new Error('the S3 server returned no upload id');
    const parts: { ETag: string | undefined; PartNumber: number }[] = [];
    try {
      const send = async (body: Buffer) => {
        const PartNumber = parts.length + 1;
        const uploaded = await client.send(
          new UploadPartCommand({ Bucket, Key: key, UploadId, PartNumber, Body: body, ContentLength: body.length }),
        );
        parts.push({ ETag: uploaded.ETag, PartNumber });
      };
      // Full parts while more than a part is buffered, so the last part is never empty.
      let buffer = first;
      let ended = false;
      for (;;) {
        while (buffer.length > PART_BYTES) {
          await send(buffer.subarray(0, PART_BYTES));
          buffer = buffer.subarray(PART_BYTES);
        }
        if (ended) break;
        const filled = await fill(buffer, rest);
        buffer = filled.next;
        ended = filled.chunkDone;
      }
      if (buffer.length > 0) await send(buffer);
      await client.send(
        new CompleteMultipartUploadCommand({ Bucket, Key: key, UploadId, MultipartUpload: { Parts: parts } }),
      );
    } catch (error) {
      await client.send(new AbortMultipartUploadCommand({ Bucket, Key: key, UploadId })).catch(() => undefined);
      throw error;
    }
  }

  return {
    kind: 's3',
    client,
    close: () => client.destroy(),
    async put(key, content, options) {
      assertStorageKey(key);
      const iterator = content[Symbol.asyncIterator]();
      const { next: head, chunkDone } = await fill(Buffer.alloc(0), iterator);
      if (chunkDone && head.length <= PART_BYTES) {
        await client.send(
          new PutObjectCommand({
            Bucket,
            Key: key,
            Body: head,
            ContentLength: head.length,
            ContentType: options.contentType,
          }),
        );
        return;
      }
      await putLarge(key, head, iterator, options.contentType);
    },
    async get(key) {
      assertStorageKey(key);
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        return object.Body as Readable | undefined;
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },
    async delete(key) {
      assertStorageKey(key);
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },
    async exists(key) {
      assertStorageKey(key);
      try {
        await client.send(new HeadObjectCommand({ Bucket, Key: key }));
        return true;
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    },
  };
}

/** Reads from the stream until more than one part is buffered or the stream ends. */
async function fill(start: Buffer, iterator: AsyncIterator<Uint8Array>): Promise<{ next: Buffer; chunkDone: boolean }> {
  const chunks: Buffer[] = [start];
  let length = start.length;
  while (length <= PART_BYTES) {
    const step = await iterator.next();
    if (step.done) return { next: Buffer.concat(chunks, length), chunkDone: true };
    const chunk = Buffer.from(step.value.buffer, step.value.byteOffset, step.value.byteLength);
    chunks.push(chunk);
    length += chunk.length;
  }
  return { next: Buffer.concat(chunks, length), chunkDone: false };
}

function isMissing(error: unknown): boolean {
  const name = (error as { name?: unknown }).name;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return name === 'NoSuchKey' || name === 'NotFound' || status === 404;
}

function s3Client(config: S3StorageConfig): S3Client {
  return new S3Client({
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    forcePathStyle: config.forcePathStyle,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    // S3-compatible servers do not all know the newer default checksums: only when required.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
