import { describe, expect, it } from 'vitest';
import { isUnreadableFormPost } from './form-body';

const post = (type: string, body: string, method = 'POST') => new Request('http://hindsight.test/sign-in', { method, headers: { 'content-type': type }, body: method === 'GET' ? undefined : body });
const VALID = '--zz\r\nContent-Disposition: form-data; name="title"\r\n\r\nDisk full\r\n--zz--\r\n';

describe('isUnreadableFormPost', () => {
  it('flags a page POST whose multipart body does not parse, with or without a boundary', async () => {
    expect(await isUnreadableFormPost(post('multipart/form-data; boundary=zz', '{"title":""}'), '/sign-in')).toBe(true);
    expect(await isUnreadableFormPost(post('multipart/form-data', VALID), '/t/demo/incidents')).toBe(true);
  });

  it('lets a well-formed multipart body through, and leaves the request readable for Next', async () => {
    const request = post('Multipart/Form-Data; boundary=zz', VALID);
    expect(await isUnreadableFormPost(request, '/t/demo/incidents/new')).toBe(false);
    expect((await request.formData()).get('title')).toBe('Disk full');
  });

  it('leaves other requests alone: other types, other methods, and /api/ (route handlers read their own bodies)', async () => {
    expect(await isUnreadableFormPost(post('text/plain;charset=UTF-8', '["$@1"]'), '/sign-in')).toBe(false);
    expect(await isUnreadableFormPost(post('multipart/form-data; boundary=zz', '', 'GET'), '/sign-in')).toBe(false);
    expect(await isUnreadableFormPost(post('multipart/form-data; boundary=zz', 'x'), '/api/v1/incidents')).toBe(false);
  });
});
