import { isNonJsonBody } from './json-body.interceptor';

describe('isNonJsonBody', () => {
  it('refuses a body of another type, or of no stated type', () => {
    expect(isNonJsonBody({ 'content-length': '5', 'content-type': 'text/plain' })).toBe(true);
    expect(isNonJsonBody({ 'content-length': '5', 'content-type': 'application/x-www-form-urlencoded' })).toBe(true);
    expect(isNonJsonBody({ 'transfer-encoding': 'chunked', 'content-type': 'application/xml' })).toBe(true);
    expect(isNonJsonBody({ 'content-length': '5' })).toBe(true);
    expect(isNonJsonBody({ 'content-length': '5', 'content-type': 'application/jsonp' })).toBe(true);
  });
  it('lets JSON through, and requests without a body whatever their type', () => {
    expect(isNonJsonBody({ 'content-length': '5', 'content-type': 'application/json; charset=utf-8' })).toBe(false);
    expect(isNonJsonBody({ 'content-length': '5', 'content-type': 'application/merge-patch+json' })).toBe(false);
    expect(isNonJsonBody({ 'content-length': '0', 'content-type': 'text/plain' })).toBe(false);
    expect(isNonJsonBody({})).toBe(false);
  });
});
