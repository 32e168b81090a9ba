// Chinese surnames: the common single-character ones (Hundred Family Surnames and modern frequency lists)
// and the compound ones, used to accept a 2–4 character person name after a role word.

const SINGLE =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤' +
  '常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝' +
  '官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由' +
  '钮鄂弓牧伏郦雷卢甫蒯蓟竺濮寿通扶堵郗晏暴桓苍双闻莘党翟谭贡劳姬申扶郤璩桑桂濮牛寿通边扈燕冀浦尚农温别庄晏柴瞿阎充慕连茹习宦艾鱼容向古易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙东欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空曾毋沙乜养鞠须丰巢关蒯相查后荆红游竺权逯盖益桓公' +
  '万俟超';

const COMPOUND = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '令狐',
  '轩辕',
  '端木',
  '独孤',
  '南宫',
  '西门',
  '百里',
  '呼延',
  '万俟',
  '澹台',
  '公冶',
  '宗政',
  '濮阳',
  '太叔',
  '申屠',
  '钟离',
  '闻人',
  '赫连',
  '单于',
  '东郭',
  '公羊',
  '拓跋',
  '司空',
  '第五',
  '左丘',
  '谷梁',
  '段干',
  '巫马',
  '公西',
  '漆雕',
  '乐正',
  '壤驷',
  '公良',
  '梁丘',
  '亓官',
];

export const SURNAMES: ReadonlySet<string> = new Set(SINGLE);
export const COMPOUND_SURNAMES: ReadonlySet<string> = new Set(COMPOUND);

/** Length of the surname a candidate name starts with (0 when none). */
export function surnameLength(name: string): number {
  if (COMPOUND_SURNAMES.has(name.slice(0, 2))) return 2;
  return SURNAMES.has(name.slice(0, 1)) ? 1 : 0;
}
