import { GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { type LoggedIn, registeredUser } from '../support/identity.ts';
import { multipartOf } from '../support/multipart.ts';
import { type S3TestServer, startS3Server } from './s3-server.ts';
import { download, fileRows, png, upload } from './support.ts';

describe('the application with S3 storage (s3rver over the wire)', () => {
  let server: S3TestServer;
  let test: TestApp;
  let user: LoggedIn;
  let client: S3Client;

  beforeAll(async () => {
    server = await startS3Server('baza-app-files');
    test = await createTestApp({ env: { ...server.env, RATE_LIMIT_MAX: '5000' } });
    user = await registeredUser(test, 's3@school.test');
    client = new S3Client({
      endpoint: server.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
  });
  afterAll(async () => {
    client?.destroy();
    await test?.close();
    await server?.close();
  });

  const inBucket = async (key: string) =>
    client.send(new HeadObjectCommand({ Bucket: server.bucket, Key: key })).then(
      () => true,
      () => false,
    );

  it('uses S3 when S3_BUCKET is configured', () => {
    expect(test.container.config.fileStorage).toMatchObject({ kind: 's3', bucket: 'baza-app-files' });
    expect(test.container.modules.files.storage.kind).toBe('s3');
  });

  it('uploads into the bucket under the generated key and downloads from it', async () => {
    const content = png(7000, 9);
    const response = await upload(test.app, user, 'attachment', [{ fileName: 'scan.png', content }]);
    expect(response.statusCode, response.body).toBe(201);
    const row = (await fileRows(test)).find((file) => file.id === response.json().id)!;
    const object = await client.send(new GetObjectCommand({ Bucket: server.bucket, Key: row.storageKey }));
    expect(Buffer.from(await object.Body!.transformToByteArray()).equals(content)).toBe(true);
    expect(object.ContentType).toBe('image/png');

    const got = await download(test.app, user, response.json().url);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(content)).toBe(true);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.headers.etag).toBe(`"${row.sha256}"`);
  });

  it('leaves nothing in the bucket after a refused upload, and removes a replaced avatar', async () => {
    const before = (await fileRows(test)).length;
    const big = await upload(test.app, user, 'avatar', [{ fileName: 'big.png', content: png(2 * 1024 * 1024 + 1) }]);
    expect(big.statusCode).toBe(413);
    expect((await fileRows(test)).length).toBe(before);

    const put = (content: Buffer) => {
      const body = multipartOf([{ name: 'file', fileName: 'me.png', content }]);
      return test.app.inject({
        method: 'PUT',
        url: '/api/v1/me/avatar',
        headers: { ...user.auth, 'content-type': body.contentType },
        payload: body.payload,
      });
    };
    const first = await put(png(400, 1));
    const firstKey = (await fileRows(test)).find((row) => first.json().avatarUrl.endsWith(row.id))!.storageKey;
    expect(await inBucket(firstKey)).toBe(true);
    const second = await put(png(400, 2));
    expect(second.statusCode).toBe(200);
    expect(await inBucket(firstKey)).toBe(false);
  });
});
