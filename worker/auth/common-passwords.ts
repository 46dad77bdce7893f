/**
 * Passwords that attackers try first (ASVS 2.1.7: refuse breached / common passwords).
 *
 * Public lists of these come from breach corpora: SecLists' `Passwords/Common-Credentials`
 * (10k-most-common, 100k-most-used), NordPass's and SplashData's yearly top lists, the
 * RockYou and "Collection #1" dumps. We cannot download here, so this is a hand-curated
 * subset of the entries that top those lists. Only entries of 8+ characters are listed:
 * shorter ones already fail the length rule. Entries are lower-case; the policy compares
 * case-insensitively. A fuller list (or a k-anonymity check against Pwned Passwords) can
 * replace this set without changing its callers.
 */
const LIST = `
  password password1 password12 password123 password1234 password! passw0rd p@ssw0rd p@ssword pa55word
  p4ssw0rd passwort 1password mypassword newpassword password2 password01 passpass passphrase
  12345678 123456789 1234567890 0123456789 0987654321 987654321 87654321 123123123 12341234
  11111111 00000000 22222222 55555555 66666666 77777777 88888888 99999999 111111111 1111111111
  0000000000 12121212 11223344 112233445566 12344321 1234554321 123321123 123456123 1234512345
  147258369 147852369 159753456 123654789 741852963 789456123 963852741 12345679 123456780
  qwertyuiop qwertyui qwerty12 qwerty123 qwerty1234 qwerty12345 qwerty123456 123456qwerty
  qwer1234 1234qwer 1q2w3e4r 1q2w3e4r5t 1q2w3e4r5t6y q1w2e3r4 q1w2e3r4t5 q1w2e3r4t5y6 1qaz2wsx
  1qazxsw2 1qaz2wsx3edc zaq12wsx zaq1zaq1 zaq1xsw2 !qaz2wsx 12qwaszx qazwsxedc qweasdzxc
  123qweasd qwe12345 qwe123qwe 123qwe123 asdfghjk asdfghjkl asdf1234 zxcvbnm1 zxcvbnm123
  asdasdasd qweqweqwe zxczxczxc aaaaaaaa abcdefgh abc12345 abc123456 abcd1234 abcd12345 1234abcd
  a1b2c3d4 1a2b3c4d aa123456 aa12345678 123456aa a12345678 a123456789 123456789a 1234567a
  123456abc 12345qwert 123abc123 iloveyou iloveyou1 iloveyou2 iloveyou! iloveu123 loveyou1
  lovelove lovely123 woaini1314 sunshine sunshine1 princess princess1 princesa babygirl babygirl1
  sweetheart tinkerbell butterfly chocolate sunflower angel123 football football1 baseball
  baseball1 basketball soccer12 soccer123 hockey12 superman superman1 spiderman batman123
  starwars starwars1 pokemon1 pokemon123 naruto123 dragon12 dragon123 dragonfly master12
  master123 monkey123 shadow12 shadow123 charlie1 michael1 michael123 jessica1 ashley12 jordan23
  jordan123 freedom1 whatever whatever1 jennifer michelle nicholas jonathan danielle samantha
  benjamin victoria alexander elizabeth patricia christopher computer computer1 internet
  corvette mercedes mustang1 maverick liverpool chelsea1 arsenal1 manchester midnight mountain
  goodluck cocacola blink182 thunder1 chicken1 welcome1 welcome123 welcome! letmein1 letmein12
  letmein123 letmein! trustno1 trustno1! changeme changeme1 changeme123 default1 secret12
  secret123 admin123 admin1234 administrator adminadmin root1234 test1234 test12345 testtest
  guest123 user1234 temp1234 demo1234 login123 hello123 hello1234 helloworld summer2023
  summer2024 summer2025 winter2024 spring2024 autumn2024 qwerty1! p@ssw0rd1 passw0rd1
`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST.trim().split(/\s+/));
