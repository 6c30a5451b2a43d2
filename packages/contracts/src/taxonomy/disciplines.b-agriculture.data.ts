/**
 * GB/T 13745-2009 门类 B 农业科学 (agricultural sciences): first-level disciplines 210–240 and their
 * second-level disciplines. See `disciplines.ts` for what the lists follow.
 * @module
 */
import type { DisciplineCategoryRow } from './disciplines.types.ts';

export const AGRICULTURAL_SCIENCES: DisciplineCategoryRow = {
  category: ['B', '农业科学', 'Agricultural Sciences'],
  disciplines: [
    {
      discipline: ['210', '农学', 'Agronomy'],
      children: [
        ['21010', '农业史', 'History of Agriculture'],
        ['21020', '农业基础学科', 'Foundations of Agriculture'],
        ['21030', '农艺学', 'Crop Science'],
        ['21040', '园艺学', 'Horticulture'],
        ['21045', '农产品贮藏与加工', 'Storage and Processing of Agricultural Products'],
        ['21050', '土壤学', 'Soil Science'],
        ['21060', '植物保护学', 'Plant Protection'],
        ['21099', '农学其他学科', 'Agronomy, Other'],
      ],
    },
    {
      discipline: ['220', '林学', 'Forestry'],
      children: [
        ['22010', '林业基础学科', 'Foundations of Forestry'],
        ['22015', '林木遗传育种学', 'Forest Tree Genetics and Breeding'],
        ['22020', '森林培育学', 'Silviculture'],
        ['22025', '森林经理学', 'Forest Management'],
        ['22030', '森林保护学', 'Forest Protection'],
        ['22035', '野生动物保护与管理', 'Wildlife Conservation and Management'],
        ['22040', '防护林学', 'Shelter Forestry'],
        ['22045', '经济林学', 'Economic Forestry'],
        ['22050', '园林学', 'Landscape Gardening'],
        ['22055', '林业工程', 'Forest Engineering'],
        ['22060', '森林统计学', 'Forest Statistics'],
        ['22065', '林业经济学', 'Forest Economics'],
        ['22099', '林学其他学科', 'Forestry, Other'],
      ],
    },
    {
      discipline: ['230', '畜牧、兽医科学', 'Animal Husbandry and Veterinary Science'],
      children: [
        ['23010', '畜牧、兽医科学基础学科', 'Foundations of Animal Husbandry and Veterinary Science'],
        ['23020', '畜牧学', 'Animal Husbandry'],
        ['23030', '兽医学', 'Veterinary Medicine'],
        ['23099', '畜牧、兽医科学其他学科', 'Animal Husbandry and Veterinary Science, Other'],
      ],
    },
    {
      discipline: ['240', '水产学', 'Fisheries Science'],
      children: [
        ['24010', '水产学基础学科', 'Foundations of Fisheries Science'],
        ['24015', '水产增殖学', 'Fishery Stock Enhancement'],
        ['24020', '水产养殖学', 'Aquaculture'],
        ['24025', '水产饲料学', 'Aquatic Feed Science'],
        ['24030', '水产保护学', 'Aquatic Resource Protection'],
        ['24035', '捕捞学', 'Fishing Technology'],
        ['24040', '水产品贮藏与加工', 'Storage and Processing of Aquatic Products'],
        ['24045', '水产工程学', 'Fishery Engineering'],
        ['24050', '水产资源学', 'Fishery Resources'],
        ['24055', '水产经济学', 'Fishery Economics'],
        ['24099', '水产学其他学科', 'Fisheries Science, Other'],
      ],
    },
  ],
};
