/** A file download of a signed-in page (exports, minutes, archives): never cached, never sniffed. */
export function downloadResponse(body: BodyInit, fileName: string, contentType: string): Response {
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': contentType,
      'content-disposition': `attachment; filename="${fileName}"`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
