/**
 * sigstoreSigned requirements containers/image 5.34 (skopeo 1.18) refuses, with its message: any
 * one of them, in any scope, makes the whole policy.json unloadable, so every pull on the host fails.
 * Shared by the parser's unit test and the end-to-end test judged by skopeo.
 */
const fulcio = {
  caPath: '/etc/pki/fulcio.pem',
  oidcIssuer: 'https://token.actions.githubusercontent.com',
  subjectEmail: 'ci@example.com',
};
const rekor = { rekorPublicKeyPath: '/etc/pki/rekor.pub' };
const REKOR_SOURCES = 'rekorPublickeyPath, rekorPublicKeyPaths, rekorPublickeyData and rekorPublicKeyDatas';

export const BROKEN_SIGSTORE_STANZAS: [name: string, requirement: object, message: string][] = [
  [
    'fulcio without a Rekor key',
    { type: 'sigstoreSigned', fulcio },
    `At least one of ${REKOR_SOURCES} must be specified if fulcio is used`,
  ],
  [
    'fulcio with an empty rekorPublicKeyPath',
    { type: 'sigstoreSigned', fulcio, rekorPublicKeyPath: '' },
    `At least one of ${REKOR_SOURCES} must be specified if fulcio is used`,
  ],
  [
    'fulcio without subjectEmail',
    { type: 'sigstoreSigned', fulcio: { caPath: fulcio.caPath, oidcIssuer: fulcio.oidcIssuer }, ...rekor },
    'subjectEmail not specified',
  ],
  [
    'fulcio without oidcIssuer',
    { type: 'sigstoreSigned', fulcio: { caPath: fulcio.caPath, subjectEmail: fulcio.subjectEmail }, ...rekor },
    'oidcIssuer not specified',
  ],
  [
    'fulcio without a CA',
    { type: 'sigstoreSigned', fulcio: { oidcIssuer: fulcio.oidcIssuer, subjectEmail: fulcio.subjectEmail }, ...rekor },
    'At least one of caPath and caData must be specified',
  ],
  [
    'fulcio with caPath and caData',
    { type: 'sigstoreSigned', fulcio: { ...fulcio, caData: 'eA==' }, ...rekor },
    'caPath and caData cannot be used simultaneously',
  ],
  [
    'fulcio with an unknown key',
    { type: 'sigstoreSigned', fulcio: { ...fulcio, subjectRegExp: '.*' }, ...rekor },
    'Unknown key "subjectRegExp"',
  ],
  [
    'fulcio that is not an object',
    { type: 'sigstoreSigned', fulcio: true, ...rekor },
    'JSON object expected, got true',
  ],
  [
    'two Rekor key sources',
    { type: 'sigstoreSigned', keyPath: '/k.pub', ...rekor, rekorPublicKeyData: 'eA==' },
    `at most one of ${REKOR_SOURCES} can be used simultaneously`,
  ],
  [
    'an empty rekorPublicKeyPaths',
    { type: 'sigstoreSigned', fulcio, rekorPublicKeyPaths: [] },
    '"rekorPublickeyPaths" contains no entries',
  ],
  [
    'an empty rekorPublicKeyDatas',
    { type: 'sigstoreSigned', keyPath: '/k.pub', rekorPublicKeyDatas: [] },
    '"rekorPublickeyDatas" contains no entries',
  ],
  [
    'a rekorPublicKeyPath that is a number',
    { type: 'sigstoreSigned', keyPath: '/k.pub', rekorPublicKeyPath: 1 },
    'json: cannot unmarshal number into Go value of type string',
  ],
  ['an empty keyDatas', { type: 'sigstoreSigned', keyDatas: [] }, '"keyDatas" contains no entries'],
  [
    'pki without a subject',
    { type: 'sigstoreSigned', pki: { caRootsPath: '/roots.pem' } },
    'At least one of subjectEmail, subjectHostname must be specified',
  ],
  [
    'pki without roots',
    { type: 'sigstoreSigned', pki: { subjectEmail: 'ci@example.com' } },
    'At least one of caRootsPath and caRootsData must be specified',
  ],
  [
    'pki with caRootsPath and caRootsData',
    { type: 'sigstoreSigned', pki: { caRootsPath: '/roots.pem', caRootsData: 'eA==', subjectEmail: 'ci@example.com' } },
    'caRootsPath and caRootsData cannot be used simultaneously',
  ],
  [
    'pki with an unknown key',
    { type: 'sigstoreSigned', pki: { caRootsPath: '/roots.pem', subjectEmail: 'ci@example.com', subject: 'x' } },
    'Unknown key "subject"',
  ],
  [
    'fulcio and a keyPath',
    { type: 'sigstoreSigned', keyPath: '/k.pub', fulcio, ...rekor },
    'exactly one of keyPath, keyPaths, keyData, keyDatas, fulcio, and pki must be specified',
  ],
];

/**
 * Their neighbours that containers/image 5.34 loads: "" and null count as absent as Go decodes them, "" []byte as
 * present.
 */
export const ACCEPTED_SIGSTORE_STANZAS: [name: string, requirement: object][] = [
  ['fulcio with caPath and rekorPublicKeyPath', { type: 'sigstoreSigned', fulcio, ...rekor }],
  [
    'fulcio with an empty caData and rekorPublicKeyPaths',
    {
      type: 'sigstoreSigned',
      fulcio: { caData: '', oidcIssuer: fulcio.oidcIssuer, subjectEmail: fulcio.subjectEmail },
      rekorPublicKeyPaths: ['/r.pub'],
    },
  ],
  [
    'fulcio with a null caData and rekorPublicKeyDatas',
    { type: 'sigstoreSigned', fulcio: { ...fulcio, caData: null }, rekorPublicKeyDatas: ['eA=='] },
  ],
  ['fulcio with an empty rekorPublicKeyData', { type: 'sigstoreSigned', fulcio, rekorPublicKeyData: '' }],
  [
    'pki with caRootsPath and subjectEmail',
    { type: 'sigstoreSigned', pki: { caRootsPath: '/roots.pem', subjectEmail: 'ci@example.com' } },
  ],
  [
    'pki with caRootsData, caIntermediatesPath and subjectHostname',
    {
      type: 'sigstoreSigned',
      pki: { caRootsData: 'eA==', caIntermediatesPath: '/i.pem', subjectHostname: 'ci.example.com' },
    },
  ],
  ['keyPath with an empty rekorPublicKeyPath', { type: 'sigstoreSigned', keyPath: '/k.pub', rekorPublicKeyPath: '' }],
  ['keyPath with a null rekorPublicKeyData', { type: 'sigstoreSigned', keyPath: '/k.pub', rekorPublicKeyData: null }],
];
