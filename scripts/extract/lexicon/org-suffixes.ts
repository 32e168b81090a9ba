// Organization suffix → entity type table. A name is a run of name-like tokens ending in one of these;
// `proper: false` suffixes are specific enough to accept a generic qualifier (先进储能材料全国重点实验室).
import type { ExtractedEntityType } from '../../../contract/vocabulary.ts';

export interface SuffixRule {
  suffix: string;
  type: ExtractedEntityType;
  /** The qualifier before the suffix must contain a proper name (a place, a name-like token, a quote). */
  proper: boolean;
  /** Minimum characters before the suffix. */
  minPrefix: number;
}

const rule = (suffix: string, type: ExtractedEntityType, proper = true, minPrefix = 2): SuffixRule => ({
  suffix,
  type,
  proper,
  minPrefix,
});

export const ORG_SUFFIXES: readonly SuffixRule[] = [
  // companies
  rule('集团股份有限公司', 'Company', false),
  rule('股份有限公司', 'Company', false),
  rule('有限责任公司', 'Company', false),
  rule('集团有限公司', 'Company', false),
  rule('有限公司', 'Company', false),
  rule('公司', 'Company'),
  rule('集团', 'Company'),
  rule('银行', 'Company'),
  // farmers' and specialized cooperatives are economic units (某县某某专业合作社)
  rule('专业合作社', 'Company'),
  rule('合作社', 'Company'),
  rule('证券', 'Company'),
  // universities
  rule('职业技术学院', 'University'),
  rule('职业学院', 'University'),
  rule('大学', 'University'),
  rule('学院', 'University'),
  rule('党校', 'Other'),
  // research bodies
  rule('全国重点实验室', 'Platform', false),
  rule('国家重点实验室', 'Platform', false),
  rule('重点实验室', 'Platform', false),
  rule('工程技术研究中心', 'Platform'),
  rule('联合实验室', 'Platform', false),
  rule('联合研究中心', 'Platform', false),
  rule('联合研发中心', 'Platform', false),
  rule('联合创新中心', 'Platform', false),
  rule('联合研究院', 'ResearchInstitute', false),
  rule('新型研发机构', 'Platform'),
  rule('院士工作站', 'Platform', false),
  rule('专家工作站', 'Platform', false),
  rule('研究院', 'ResearchInstitute'),
  rule('研究所', 'ResearchInstitute'),
  rule('研究中心', 'ResearchInstitute'),
  rule('实验室', 'ResearchInstitute'),
  rule('科学院', 'ResearchInstitute', true, 1),
  rule('工程院', 'ResearchInstitute', true, 1),
  rule('农科院', 'ResearchInstitute'),
  rule('农业科学院', 'ResearchInstitute'),
  rule('林科院', 'ResearchInstitute'),
  rule('设计院', 'ResearchInstitute'),
  // funds
  rule('母基金', 'Fund'),
  rule('产业基金', 'Fund'),
  rule('基金', 'Fund'),
  rule('资金池', 'Fund', false),
  // government
  rule('科学技术厅', 'GovernmentAgency', true, 1),
  rule('科学技术局', 'GovernmentAgency', true, 1),
  rule('科技厅', 'GovernmentAgency', true, 1),
  rule('科技局', 'GovernmentAgency', true, 1),
  rule('科技部门', 'GovernmentAgency', true, 1),
  rule('人民政府', 'GovernmentAgency', true, 1),
  rule('管理委员会', 'GovernmentAgency'),
  rule('管委会', 'GovernmentAgency'),
  rule('委员会', 'GovernmentAgency'),
  rule('行政公署', 'GovernmentAgency', true, 1),
  rule('行署', 'GovernmentAgency', true, 1),
  rule('厅', 'GovernmentAgency'),
  rule('局', 'GovernmentAgency'),
  // platforms
  rule('技术转移中心', 'Platform'),
  rule('科创中心', 'Platform'),
  rule('研发中心', 'Platform'),
  rule('创新中心', 'Platform'),
  rule('孵化器', 'Platform'),
  // a western province's science enclave in an eastern city (某省(某市)科创飞地)
  rule('科创飞地', 'Platform'),
  rule('研发飞地', 'Platform'),
  rule('飞地', 'Platform'),
  // public service bodies named X促进中心 / X推广中心 / X服务中心: 促进, 推广 are verbs to the segmenter
  rule('促进中心', 'Platform'),
  rule('推广中心', 'Platform'),
  rule('服务中心', 'Platform'),
  rule('中心', 'Platform'),
  rule('加速器', 'Platform'),
  rule('众创空间', 'Platform'),
  rule('产业园', 'Platform'),
  rule('示范园', 'Platform'),
  rule('科技小院', 'Platform'),
  rule('服务站', 'Platform'),
  rule('科技园', 'Platform'),
  rule('园区', 'Platform'),
  rule('基地', 'Platform'),
  rule('平台', 'Platform'),
  rule('联盟', 'Platform'),
  rule('联合体', 'Platform'),
  rule('共同体', 'Platform'),
  rule('大市场', 'Platform'),
  rule('企业社区', 'Platform'),
  rule('创新社区', 'Platform'),
  // venues: named places that are not actors (they absorb the city inside their name)
  rule('国际会议中心', 'Other'),
  rule('会议中心', 'Other'),
  rule('会展中心', 'Other'),
  rule('博览中心', 'Other'),
  rule('展览中心', 'Other'),
  rule('大酒店', 'Other'),
  rule('酒店', 'Other'),
  rule('宾馆', 'Other'),
  rule('科技馆', 'Other'),
  rule('附属医院', 'Other'),
  rule('医院', 'Other'),
];

/** Surfaces that are names on their own (central ministries and commissions): general knowledge, not a seed list. */
export const STANDALONE_AGENCIES: Record<string, string> = {
  科技部: '科学技术部',
  科学技术部: '科学技术部',
  教育部: '教育部',
  工信部: '工业和信息化部',
  工业和信息化部: '工业和信息化部',
  商务部: '商务部',
  财政部: '财政部',
  农业农村部: '农业农村部',
  人社部: '人力资源和社会保障部',
  人力资源和社会保障部: '人力资源和社会保障部',
  自然资源部: '自然资源部',
  生态环境部: '生态环境部',
  交通运输部: '交通运输部',
  水利部: '水利部',
  民政部: '民政部',
  国家发展改革委: '国家发展和改革委员会',
  国家发改委: '国家发展和改革委员会',
  国家发展和改革委员会: '国家发展和改革委员会',
  国家卫生健康委: '国家卫生健康委员会',
  国家乡村振兴局: '国家乡村振兴局',
  国家知识产权局: '国家知识产权局',
  国务院: '国务院',
  国家国防科工局: '国家国防科技工业局',
  中国人民银行: '中国人民银行',
  国家自然科学基金委员会: '国家自然科学基金委员会',
};

/** Common abbreviations inside organization names, expanded for the canonical name. */
export const NAME_EXPANSIONS: ReadonlyArray<[RegExp, string]> = [
  [/农科院$/, '农业科学院'],
  [/林科院$/, '林业科学院'],
  [/社科院$/, '社会科学院'],
  [/科技厅$/, '科学技术厅'],
  [/科技局$/, '科学技术局'],
  [/行署$/, '行政公署'],
];
