/**
 * Passwords of 10+ characters that top the public breach corpora (the shorter ones are already refused by the
 * length rule). NIST SP 800-63B asks verifiers to refuse these, plus repetitive and sequential strings.
 */
const COMMON = `1234567890 0123456789 0987654321 9876543210 1111111111 0000000000 1234512345 1122334455
1q2w3e4r5t 1q2w3e4r5t6y 1qaz2wsx3edc q1w2e3r4t5 q1w2e3r4t5y6 qwertyuiop qwertyuiop123 asdfghjkl1 asdfghjkl123
zxcvbnm123 qazwsxedc123 qazwsxedcrfv 1qazxsw23edc zaq12wsxcde password12 password123 password1234 password12345
password!1 password01 passw0rd123 p@ssw0rd123 p@ssword123 mypassword passwordpassword password1! 123password
iloveyou12 iloveyou123 iloveyou1234 iloveyou!! sunshine12 sunshine123 princess12 princess123 football12
football123 baseball12 baseball123 basketball basketball1 basketball123 superman12 superman123 batman1234
starwars12 starwars123 whatever12 whatever123 trustno123 letmein123 letmein1234 welcome123 welcome1234
welcome2024 welcome2025 welcome2026 changeme123 administrator admin12345 admin123456 adminadmin administrator1
abc1234567 abcd123456 abcdefghij abcdefghijk 123456789a 123456789q a123456789 q123456789 1234567890q
123qweasdzxc qweasdzxc123 qwerty1234 qwerty12345 qwerty123456 qwertyqwerty 1qwerty123 monkey1234 dragon1234
master1234 shadow1234 michael123 jennifer12 jordan2323 liverpool1 liverpool123 chelsea123 arsenal123
manchester manchester1 computer12 computer123 internet12 internet123 blink18218 pokemon123 minecraft1
minecraft123 fortnite123 samsung123 iphone1234 google1234 facebook12 facebook123 linkedin123 spiderman1
spiderman123 pakistan123 bangladesh india12345 12345678910 11223344556 0102030405 1020304050 5555555555
7777777777 8888888888 9999999999 aaaaaaaaaa 1234qwerasdf asdfasdfasdf loveyou123 myspace123 soccer1234
hello12345 hello123456 helloworld helloworld1 helloworld123 secret1234 summer2024 summer2025 winter2024
spring2025 autumn2025 december12 september1 christmas1 qwerty!@#$ !qaz2wsx#edc changeit123 letmeinnow`
  .split(/\s+/)
  .filter(Boolean);

const COMMON_SET = new Set(COMMON);

const SEQUENCES = ["0123456789", "abcdefghijklmnopqrstuvwxyz", "qwertyuiopasdfghjklzxcvbnm"];

/** True when the password is on the common list, one repeated character, or a straight keyboard/alphabet run. */
export function isCommonPassword(password: string): boolean {
  const p = password.toLowerCase();
  if (COMMON_SET.has(p)) return true;
  if (/^(.)\1+$/.test(p)) return true;
  if (/^(.{1,4})\1+$/.test(p)) return true; // "abcabcabcabc", "1212121212"
  return SEQUENCES.some((seq) => seq.includes(p) || [...seq].reverse().join("").includes(p));
}
