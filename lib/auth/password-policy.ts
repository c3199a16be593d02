/**
 * Password rules: length, and a check against the most common breached passwords and their
 * usual decorations ("Password123!", "qwerty2024"), plus the user's own email name.
 */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

// The most common passwords of public breach corpora (top of the NCSC / SecLists lists).
const COMMON = new Set(
  `123456 password 12345678 qwerty 123456789 12345 1234 111111 1234567 dragon 123123 baseball abc123
football monkey letmein 696969 shadow master 666666 qwertyuiop 123321 mustang 1234567890 michael 654321
superman 1qaz2wsx 7777777 121212 000000 qazwsx 123qwe killer trustno1 jordan jennifer zxcvbnm asdfgh
hunter buster soccer harley batman andrew tigger sunshine iloveyou 2000 charlie robert thomas hockey
ranger daniel starwars klaster 112233 george computer michelle jessica pepper 1111 zxcvbn 555555 11111111
131313 freedom 777777 pass maggie 159753 aaaaaa ginger princess joshua cheese amanda summer love ashley
nicole chelsea biteme matthew access yankees 987654321 dallas austin thunder taylor matrix minecraft
welcome admin administrator login passw0rd p@ssw0rd p@ssword changeme secret default guest root toor
qwerty123 qwe123 1q2w3e4r 1q2w3e4r5t zaq12wsx asdf1234 asdfghjkl abcd1234 abcdef abc12345 a1b2c3d4
iloveyou1 football1 baseball1 welcome1 letmein1 monkey1 dragon1 master1 sunshine1 princess1 superman1
hello hello123 whatever trustno1 starwars1 solo loveme flower hottie lovely 123abc 1qazxsw2 q1w2e3r4t5
passpass password1 password12 password123 password1234 incident postmortem hindsight company`.split(/\s+/),
);

/** Strips the decorations people add to a common word: case, leetspeak, trailing digits and symbols. */
export function passwordCore(password: string): string {
  return password
    .toLowerCase()
    .replace(/[^a-z]+$/g, '')
    .replace(/^[^a-z]+/g, '')
    .replace(/[@4]/g, 'a')
    .replace(/3/g, 'e')
    .replace(/[1!|]/g, 'i')
    .replace(/0/g, 'o')
    .replace(/[$5]/g, 's');
}

const DEOBFUSCATED = new Set([...COMMON].map(passwordCore).filter((w) => w.length >= 4));

/** Returns why a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || DEOBFUSCATED.has(passwordCore(password))) return 'This password is among the most common breached passwords; choose another.';
  if (/^(.)\1+$/.test(password) || /^(0123456789|1234567890|abcdefghij)/i.test(password)) return 'This password is too easy to guess; choose another.';
  const name = email?.split('@')[0]?.toLowerCase();
  if (name && name.length >= 5 && lower.includes(name)) return 'Do not use your email name in your password.';
  return null;
}
