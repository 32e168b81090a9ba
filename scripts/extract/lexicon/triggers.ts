// Relation trigger words, one list per relation family (general newsroom vocabulary, not seed phrases).
import type { RelationType } from '../../../contract/vocabulary.ts';

export interface Trigger {
  type: RelationType;
  re: RegExp;
  confidence: number;
}

export const AGREEMENT_TRIGGER = /签(?:订|署|约)[^,，。;；]{0,24}?(?:协议|合同|备忘录|框架|伙伴关系)|签约/;
export const INVESTMENT_TRIGGER = /投资(?:协议|金额|建设|兴建|设立)?|注资|出资|入股|增资|领投|跟投|融资/;
export const TECH_TRANSFER_TRIGGER =
  /技术转移|成果转化|落地转化|转移转化|技术转让|转让|技术支持|技术支撑|科技帮扶|技术帮扶|技术服务/;
export const COOPERATION_TRIGGER = /合作|携手|共建|联合|对接|共同|协同|交流|联动|结对|协作/;
export const PAIRED_TRIGGER =
  /东西部协作|东西部扶贫协作|对口支援|对口帮扶|对口协作|对口合作|帮扶|援建|结对|援藏|援疆|山海协作|协作/;
export const ESTABLISHED_TRIGGER =
  /设立|成立|建立|建成|打造|组建|创建|创办|揭牌|获批|发起|搭建|新建|共建|(?<!(?:投资|出资)[^,，。;；]{0,10})(?:联合|共同|合作)?建设/;
export const MANAGES_TRIGGER = /管理|运营|托管|运维/;
export const PARTICIPATED_TRIGGER =
  /参加|出席|参会|与会|应邀|举办|主办|承办|召开|主持|参与|参展|会上|会议上|期间/;
export const PLANNED = /将|拟|计划|希望|有望|预计|力争|争取|准备|打算|即将|未来/;
/**
 * A hedge later in the clause than the fact (就共建X达成初步意向, 就合作事宜进行了洽谈): only an intention.
 * A signed letter of intent (签署合作意向书) is a done agreement and no hedge.
 */
export const HEDGE_AFTER =
  /^[^,，。;；!?！？]*?(?:达成(?:了)?(?:初步|合作)*意向|(?:进行|开展)了?(?:初步)?(?:洽谈|磋商))/;

/** Generic words meaning "a meeting" that refer back to the last named event. */
export const MEETING_BACKREF =
  /会议|会上|本次活动|此次活动|活动期间|会议期间|洽谈会|座谈会|推介会|对接会|交流会/;
