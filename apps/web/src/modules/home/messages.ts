import { defineMessages } from '../../i18n/define';

/** Public home page and discover page text. */
export const homeMessages = defineMessages(
  {
    'home.heroTitle': '让科技服务精准抵达每一个需要的地方',
    'home.heroDesc':
      '科技工作者发布“科技所能”，企事业单位发布“科技所需”，平台智能匹配、邀约对接、全程跟踪，变“点对点”为“点对网”。',
    'home.ctaRegister': '免费注册',
    'home.ctaLogin': '已有账户，登录',
    'home.searchPlaceholder': '找专家、服务、成果或需求，例如：猕猴桃溃疡病',
    'home.ctaAccount': '进入我的账户',
    'home.functionsTitle': '四大功能',
    'home.functionsDesc': '围绕技术服务、成果转化、项目承接和科学普及，精准对接供需双方。',
    'home.f1.title': '科技服务智能精准供给',
    'home.f1.desc':
      '企业发布服务需求，平台双向匹配能够服务的科技工作者和团队，支持直接购买、议价和竞标成交。',
    'home.f2.title': '科研成果智能精准转化',
    'home.f2.desc': '科研成果“广撒网”推荐给可能需要的企业，邀约对接后以竞价或协商方式转让、许可或合作开发。',
    'home.f3.title': '科研项目智能精准承接',
    'home.f3.desc': '企业发布研发课题，平台邀请有能力的科技工作者提交方案和报价，企业择优委托。',
    'home.f4.title': '科普服务智能精准畅达',
    'home.f4.desc': '根据群众的生产生活情况生成需求标签，通过短信、手机报和应用推送送达匹配的科普资源。',
    'home.rolesTitle': '选择您的身份加入',
    'home.rolesDesc': '一个账户可以同时拥有多种身份，例如既是科技工作者又代表企业。',
    'home.role.scientist.desc': '发布技能、服务和科研成果，接收邀约、参与竞标，积累服务积分。',
    'home.role.team.desc': '由首席科技工作者牵头，成员共同对外提供服务、承接项目。',
    'home.role.organization.desc': '凭统一社会信用代码注册，发布技术需求、研发课题和人才需求。',
    'home.role.citizen.desc': '登记生产生活情况，免费获取精准推送的科普知识和专家帮助。',
    'home.role.cta': '注册为{kind}',
    'home.mechanismsTitle': '四项机制保障',
    'home.m1.title': '注册科技工作者制度',
    'home.m1.desc': '实名认证、权责明确、资料完整度可见。',
    'home.m2.title': '积分管理制度',
    'home.m2.desc': '基础能力、科研能力与精准服务均可积分，规则公开、台账可查。',
    'home.m3.title': '一单一策',
    'home.m3.desc': '每笔对接配备属地科协“保姆”，事前、事中、事后全程跟踪。',
    'home.m4.title': '精准绩效管理',
    'home.m4.desc': '按省、市、县逐级统计服务供给率、成果转化率等指标。',
    'home.stepsTitle': '三步开始',
    'home.step1': '手机号注册并完成认证',
    'home.step2': '发布您的所能或所需',
    'home.step3': '智能匹配，邀约对接，成交跟踪',
    'region.china': '全国',
    'region.sichuan': '四川省',
    'region.count': '共 {n} 个下级地区',
  },
  {
    'home.heroTitle': 'Science and technology services that reach everyone who needs them',
    'home.heroDesc':
      'Scientists publish what they can do, enterprises and institutions publish what they need; the platform matches both sides, sends invitations and follows every deal through — from “point to point” to “point to network”.',
    'home.ctaRegister': 'Register free',
    'home.ctaLogin': 'I have an account',
    'home.searchPlaceholder': 'Find experts, services, results or needs, e.g. 猕猴桃 (kiwifruit)',
    'home.ctaAccount': 'Go to my account',
    'home.functionsTitle': 'Four functions',
    'home.functionsDesc':
      'Technology services, research results, R&D projects and popular science, matched precisely.',
    'home.f1.title': 'Technology services, matched',
    'home.f1.desc':
      'Enterprises post service needs; the platform matches scientists and teams in both directions. Deals close by direct purchase, negotiation or bidding.',
    'home.f2.title': 'Research results, transferred',
    'home.f2.desc':
      'Results are offered “wide-net” to every enterprise likely to want them and transferred, licensed or co-developed by auction or negotiation.',
    'home.f3.title': 'Research projects, undertaken',
    'home.f3.desc':
      'Enterprises post R&D problems; capable scientists are invited to submit proposals and bids.',
    'home.f4.title': 'Popular science, delivered',
    'home.f4.desc':
      'Each resident’s needs are tagged from their work and life; matching resources arrive by SMS, mobile newsletter and app push.',
    'home.rolesTitle': 'Join in your role',
    'home.rolesDesc':
      'One account can hold several roles — a scientist who also acts for a company, for example.',
    'home.role.scientist.desc':
      'Publish skills, services and results; answer invitations, bid, and earn service points.',
    'home.role.team.desc': 'A lead scientist and members offer services and take on projects together.',
    'home.role.organization.desc':
      'Register with your unified social credit code; post technology needs, R&D problems and talent needs.',
    'home.role.citizen.desc':
      'Record your farm, trade or health situation and receive matched popular science for free.',
    'home.role.cta': 'Register as {kind}',
    'home.mechanismsTitle': 'Four mechanisms behind it',
    'home.m1.title': 'Registered scientists',
    'home.m1.desc': 'Verified identity, clear rights and duties, visible profile completeness.',
    'home.m2.title': 'Points',
    'home.m2.desc':
      'Ability, research and delivered service earn points under public rules and an auditable ledger.',
    'home.m3.title': 'One order, one strategy',
    'home.m3.desc':
      'Every deal gets a local case officer who follows it before, during and after the transaction.',
    'home.m4.title': 'Performance management',
    'home.m4.desc': 'Service supply, result transfer and other rates by province, city and county.',
    'home.stepsTitle': 'Get started in three steps',
    'home.step1': 'Register with your mobile number and get verified',
    'home.step2': 'Publish what you can do or what you need',
    'home.step3': 'Get matched, invite or be invited, close the deal',
    'region.china': 'China',
    'region.sichuan': 'Sichuan',
    'region.count': '{n} subdivisions',
  },
);
