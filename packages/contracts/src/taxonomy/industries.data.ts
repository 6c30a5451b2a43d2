/**
 * GB/T 4754-2017 《国民经济行业分类》 (Industrial classification for national economic activities):
 * the 20 sections (门类 A–T) and the 97 divisions (大类 01–97), with the zh-CN titles of the standard
 * and English titles following the National Bureau of Statistics' English usage.
 * Groups (中类) and classes (小类) are left out on purpose: profiles and needs are matched at division level.
 * @module
 */
import type { TaxonomyRow } from './types.ts';

/** One section with its divisions, in the order of the standard. */
export interface IndustrySectionRow {
  readonly section: TaxonomyRow;
  readonly divisions: readonly TaxonomyRow[];
}

export const INDUSTRY_ROWS: readonly IndustrySectionRow[] = [
  {
    section: ['A', '农、林、牧、渔业', 'Agriculture, Forestry, Animal Husbandry and Fishery'],
    divisions: [
      ['01', '农业', 'Agriculture'],
      ['02', '林业', 'Forestry'],
      ['03', '畜牧业', 'Animal Husbandry'],
      ['04', '渔业', 'Fishery'],
      [
        '05',
        '农、林、牧、渔专业及辅助性活动',
        'Professional and Support Activities for Agriculture, Forestry, Animal Husbandry and Fishery',
      ],
    ],
  },
  {
    section: ['B', '采矿业', 'Mining'],
    divisions: [
      ['06', '煤炭开采和洗选业', 'Mining and Washing of Coal'],
      ['07', '石油和天然气开采业', 'Extraction of Petroleum and Natural Gas'],
      ['08', '黑色金属矿采选业', 'Mining and Processing of Ferrous Metal Ores'],
      ['09', '有色金属矿采选业', 'Mining and Processing of Non-ferrous Metal Ores'],
      ['10', '非金属矿采选业', 'Mining and Processing of Non-metallic Minerals'],
      ['11', '开采专业及辅助性活动', 'Professional and Support Activities for Mining'],
      ['12', '其他采矿业', 'Other Mining'],
    ],
  },
  {
    section: ['C', '制造业', 'Manufacturing'],
    divisions: [
      ['13', '农副食品加工业', 'Processing of Agricultural and Sideline Food Products'],
      ['14', '食品制造业', 'Manufacture of Food Products'],
      ['15', '酒、饮料和精制茶制造业', 'Manufacture of Liquor, Beverages and Refined Tea'],
      ['16', '烟草制品业', 'Manufacture of Tobacco Products'],
      ['17', '纺织业', 'Manufacture of Textiles'],
      ['18', '纺织服装、服饰业', 'Manufacture of Textile Garments and Apparel'],
      [
        '19',
        '皮革、毛皮、羽毛及其制品和制鞋业',
        'Manufacture of Leather, Fur, Feathers and Related Products, and Footwear',
      ],
      [
        '20',
        '木材加工和木、竹、藤、棕、草制品业',
        'Processing of Timber and Manufacture of Wood, Bamboo, Rattan, Palm and Straw Products',
      ],
      ['21', '家具制造业', 'Manufacture of Furniture'],
      ['22', '造纸和纸制品业', 'Manufacture of Paper and Paper Products'],
      ['23', '印刷和记录媒介复制业', 'Printing and Reproduction of Recorded Media'],
      [
        '24',
        '文教、工美、体育和娱乐用品制造业',
        'Manufacture of Articles for Culture, Education, Arts and Crafts, Sports and Entertainment',
      ],
      ['25', '石油、煤炭及其他燃料加工业', 'Processing of Petroleum, Coal and Other Fuels'],
      ['26', '化学原料和化学制品制造业', 'Manufacture of Chemical Raw Materials and Chemical Products'],
      ['27', '医药制造业', 'Manufacture of Pharmaceuticals'],
      ['28', '化学纤维制造业', 'Manufacture of Chemical Fibres'],
      ['29', '橡胶和塑料制品业', 'Manufacture of Rubber and Plastic Products'],
      ['30', '非金属矿物制品业', 'Manufacture of Non-metallic Mineral Products'],
      ['31', '黑色金属冶炼和压延加工业', 'Smelting and Pressing of Ferrous Metals'],
      ['32', '有色金属冶炼和压延加工业', 'Smelting and Pressing of Non-ferrous Metals'],
      ['33', '金属制品业', 'Manufacture of Metal Products'],
      ['34', '通用设备制造业', 'Manufacture of General-purpose Machinery'],
      ['35', '专用设备制造业', 'Manufacture of Special-purpose Machinery'],
      ['36', '汽车制造业', 'Manufacture of Motor Vehicles'],
      [
        '37',
        '铁路、船舶、航空航天和其他运输设备制造业',
        'Manufacture of Railway, Ship, Aerospace and Other Transport Equipment',
      ],
      ['38', '电气机械和器材制造业', 'Manufacture of Electrical Machinery and Equipment'],
      [
        '39',
        '计算机、通信和其他电子设备制造业',
        'Manufacture of Computers, Communication and Other Electronic Equipment',
      ],
      ['40', '仪器仪表制造业', 'Manufacture of Measuring Instruments and Meters'],
      ['41', '其他制造业', 'Other Manufacturing'],
      ['42', '废弃资源综合利用业', 'Comprehensive Utilization of Waste Resources'],
      ['43', '金属制品、机械和设备修理业', 'Repair of Metal Products, Machinery and Equipment'],
    ],
  },
  {
    section: [
      'D',
      '电力、热力、燃气及水生产和供应业',
      'Production and Supply of Electricity, Heat, Gas and Water',
    ],
    divisions: [
      ['44', '电力、热力生产和供应业', 'Production and Supply of Electricity and Heat'],
      ['45', '燃气生产和供应业', 'Production and Supply of Gas'],
      ['46', '水的生产和供应业', 'Production and Supply of Water'],
    ],
  },
  {
    section: ['E', '建筑业', 'Construction'],
    divisions: [
      ['47', '房屋建筑业', 'Construction of Buildings'],
      ['48', '土木工程建筑业', 'Civil Engineering'],
      ['49', '建筑安装业', 'Building Installation'],
      ['50', '建筑装饰、装修和其他建筑业', 'Building Decoration, Renovation and Other Construction'],
    ],
  },
  {
    section: ['F', '批发和零售业', 'Wholesale and Retail Trade'],
    divisions: [
      ['51', '批发业', 'Wholesale Trade'],
      ['52', '零售业', 'Retail Trade'],
    ],
  },
  {
    section: ['G', '交通运输、仓储和邮政业', 'Transport, Storage and Postal Services'],
    divisions: [
      ['53', '铁路运输业', 'Rail Transport'],
      ['54', '道路运输业', 'Road Transport'],
      ['55', '水上运输业', 'Water Transport'],
      ['56', '航空运输业', 'Air Transport'],
      ['57', '管道运输业', 'Pipeline Transport'],
      ['58', '多式联运和运输代理业', 'Multimodal Transport and Transport Agency Services'],
      ['59', '装卸搬运和仓储业', 'Loading, Unloading, Handling and Warehousing'],
      ['60', '邮政业', 'Postal Services'],
    ],
  },
  {
    section: ['H', '住宿和餐饮业', 'Accommodation and Catering'],
    divisions: [
      ['61', '住宿业', 'Accommodation'],
      ['62', '餐饮业', 'Catering Services'],
    ],
  },
  {
    section: [
      'I',
      '信息传输、软件和信息技术服务业',
      'Information Transmission, Software and Information Technology Services',
    ],
    divisions: [
      [
        '63',
        '电信、广播电视和卫星传输服务',
        'Telecommunications, Radio and Television, and Satellite Transmission Services',
      ],
      ['64', '互联网和相关服务', 'Internet and Related Services'],
      ['65', '软件和信息技术服务业', 'Software and Information Technology Services'],
    ],
  },
  {
    section: ['J', '金融业', 'Financial Intermediation'],
    divisions: [
      ['66', '货币金融服务', 'Monetary Financial Services'],
      ['67', '资本市场服务', 'Capital Market Services'],
      ['68', '保险业', 'Insurance'],
      ['69', '其他金融业', 'Other Financial Activities'],
    ],
  },
  {
    section: ['K', '房地产业', 'Real Estate'],
    divisions: [['70', '房地产业', 'Real Estate']],
  },
  {
    section: ['L', '租赁和商务服务业', 'Leasing and Business Services'],
    divisions: [
      ['71', '租赁业', 'Leasing'],
      ['72', '商务服务业', 'Business Services'],
    ],
  },
  {
    section: ['M', '科学研究和技术服务业', 'Scientific Research and Technical Services'],
    divisions: [
      ['73', '研究和试验发展', 'Research and Experimental Development'],
      ['74', '专业技术服务业', 'Professional Technical Services'],
      ['75', '科技推广和应用服务业', 'Technology Promotion and Application Services'],
    ],
  },
  {
    section: [
      'N',
      '水利、环境和公共设施管理业',
      'Water Conservancy, Environment and Public Facilities Management',
    ],
    divisions: [
      ['76', '水利管理业', 'Water Conservancy Management'],
      ['77', '生态保护和环境治理业', 'Ecological Protection and Environmental Governance'],
      ['78', '公共设施管理业', 'Public Facilities Management'],
      ['79', '土地管理业', 'Land Management'],
    ],
  },
  {
    section: ['O', '居民服务、修理和其他服务业', 'Resident Services, Repair and Other Services'],
    divisions: [
      ['80', '居民服务业', 'Resident Services'],
      [
        '81',
        '机动车、电子产品和日用产品修理业',
        'Repair of Motor Vehicles, Electronic Products and Household Goods',
      ],
      ['82', '其他服务业', 'Other Services'],
    ],
  },
  {
    section: ['P', '教育', 'Education'],
    divisions: [['83', '教育', 'Education']],
  },
  {
    section: ['Q', '卫生和社会工作', 'Health and Social Work'],
    divisions: [
      ['84', '卫生', 'Health'],
      ['85', '社会工作', 'Social Work'],
    ],
  },
  {
    section: ['R', '文化、体育和娱乐业', 'Culture, Sports and Entertainment'],
    divisions: [
      ['86', '新闻和出版业', 'News and Publishing'],
      ['87', '广播、电视、电影和录音制作业', 'Radio, Television, Film and Sound Recording'],
      ['88', '文化艺术业', 'Culture and Arts'],
      ['89', '体育', 'Sports'],
      ['90', '娱乐业', 'Entertainment'],
    ],
  },
  {
    section: [
      'S',
      '公共管理、社会保障和社会组织',
      'Public Administration, Social Security and Social Organizations',
    ],
    divisions: [
      ['91', '中国共产党机关', 'Organs of the Communist Party of China'],
      ['92', '国家机构', 'State Organs'],
      [
        '93',
        '人民政协、民主党派',
        "Chinese People's Political Consultative Conference and Democratic Parties",
      ],
      ['94', '社会保障', 'Social Security'],
      [
        '95',
        '群众团体、社会团体和其他成员组织',
        'Mass Organizations, Social Organizations and Other Membership Organizations',
      ],
      ['96', '基层群众自治组织及其他组织', 'Grassroots Self-governing Organizations and Other Organizations'],
    ],
  },
  {
    section: ['T', '国际组织', 'International Organizations'],
    divisions: [['97', '国际组织', 'International Organizations']],
  },
];
