/**
 * Passwords that appear at the top of every leaked-password list, plus the Chinese ones
 * (pinyin, 5201314, QQ-style) and this platform's own seeded defaults such as gh123456.
 * Kept lower-case; `password.ts` compares case-insensitively and strips trailing digits
 * and symbols, so `Password123!` and `Woaini1314!!` are caught from their stems.
 */

/** Common passwords and password stems, lower-case. */
export const commonPasswords: ReadonlySet<string> = new Set([
  '123456', '123456789', '12345678', '12345', '1234567', '1234567890', '123123', '111111',
  '000000', '666666', '888888', '123321', '654321', '112233', '121212', '123654', '147258',
  '147258369', '159357', '159753', '741852963', '789456', '789456123', '520520', '5201314',
  '1314520', '11111111', '00000000', '88888888', '66666666', '12341234', '11223344', '987654321',
  '1qaz2wsx', '1q2w3e4r', '1q2w3e4r5t', 'qazwsx', 'qwerty', 'qwertyuiop', 'qwer1234', 'qweasd',
  'qweasdzxc', 'asdfgh', 'asdfghjkl', 'zxcvbnm', 'asdf1234', 'zaq12wsx', 'abc123', 'abcd1234',
  'abc12345', 'abcdef', 'abcdefg', 'a123456', 'aa123456', 'a1234567', 'a12345678', 'a1b2c3',
  'a1b2c3d4', 'aaa111', 'password', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'pass1234', 'password1',
  'admin', 'admin123', 'admin888', 'administrator', 'root', 'root123', 'test', 'test123', 'guest',
  'user', 'user123', 'login', 'welcome', 'welcome1', 'changeme', 'default', 'letmein', 'master',
  'manager', 'system', 'sysadmin', 'superman', 'batman', 'iloveyou', 'loveyou', 'love123',
  'woaini', 'woaini1314', 'woaini520', 'iloveu', 'princess', 'sunshine', 'football', 'baseball',
  'dragon', 'monkey', 'shadow', 'michael', 'jennifer', 'hunter', 'trustno1', 'starwars',
  'whatever', 'freedom', 'qazwsxedc', 'nicole', 'daniel', 'jordan23', 'killer', 'charlie',
  'secret', 'secret123', 'hello', 'hello123', 'helloworld', 'computer', 'internet', 'google',
  'baidu', 'tencent', 'alibaba', 'taobao', 'huawei', 'xiaomi', 'qq123456', 'qq5201314',
  'wang123456', 'zhang123456', 'li123456', 'liu123456', 'chen123456', 'yang123456', 'zhangwei',
  'wangwei', 'wangfang', 'lilei', 'hanmeimei', 'zhongguo', 'china', 'china123', 'beijing',
  'shanghai', 'shenzhen', 'guangzhou', 'gonghui', 'gh123456', 'gh888888', 'ghadmin', 'zgh123456',
  'zhonghua', 'zhonghua123', 'abc888', 'aini1314', 'nihao', 'nihao123', 'baobao',
  'baobei', 'baobei520', 'laopo', 'laogong', 'aaaaaa', 'aaaaaaaa', 'qqqqqq', 'abcabc', 'asd123',
  'asd123456', 'zxc123', 'zxc123456', 'qwe123', 'qwe123456', 'q123456', 'w123456', 'z123456',
  'x123456', '123qwe', '123abc', '123456a', '123456aa', '123456abc', '123456qq', 'a123123',
  '147852', '147852369', '258369', '369258', '159951', '741852', 'qwerty123', 'iloveyou1',
  'monkey123', 'dragon123', 'sunshine1', 'princess1', 'football1', 'password123', 'admin1234',
  'superadmin', '88888888a', '1234qwer', '1234abcd', 'abcd123456',
]);
