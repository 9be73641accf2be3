import { describe, expect, it } from 'vitest';
import { fixture, outlineOfHtml, outlineOfText } from './outline-helpers';

// Real documents saved under tests/fixtures/outline/ (sources in its README.md); outlines checked by hand.
describe('outlines of saved real-world documents', () => {
  it('nests （一） → 1. → （1） in a notice that never uses 一、 (运城 emergency plan)', () => {
    expect(outlineOfText(fixture('outline/yuncheng-emergency-plan.txt'))).toEqual([
      '(一)“一案三制”建设',
      '  1.完善应急预案体系',
      '    (1)加强应急预案管理,规范应急预案编制、审批、发布、备案、修订和评估工作,增强应急预案的针对性、实用性和可操作性',
      '    (2)推进政府及其部门应急预案“精编化”,及时修订完善现有应急预案,促进单位和基层应急预案编制全覆盖',
      '    (3)加强应急预案演练,完善演练管理制度,推进“双盲”演练,强化针对性、实战性',
      '    (4)加强应急预案的培训宣传,扩大应急预案发布范围,提高全社会对应急预案的知晓率',
      '  2.健全应急管理体制和运行机制',
    ]);
  });

  it('puts 1.–7. under 一、 and keeps decimals inside titles, ignoring dates and document numbers (立山 task list)', () => {
    expect(outlineOfText(fixture('outline/lishan-task-division.txt'))).toEqual([
      '一、经济社会发展的主要预期目标',
      '  1.努力实现地区生产总值增长6.2%左右',
      '  2.规模上工业增加值增长5%左右',
      '  3.固定资产投资增长15%左右',
      '  4.社会消费品零售总额增长9%左右',
      '  5.一般公共预算收入增长8%左右',
      '  6.居民收入增长与经济增长基本同步',
      '  7.其他主要经济指标不低于全市平均水平',
    ]);
  });

  it('takes a 第一, line as the top level and does NOT list the 一是…五是 running inside its paragraph (宝钢 1995)', () => {
    expect(outlineOfText(fixture('outline/baogang-1995-speech.txt'))).toEqual(['第一,要树立更强烈的危机感和紧迫感']);
  });

  it('reads <br>-separated lines as blocks and does NOT take a lone numbered paragraph 1、 as a heading (三明 2005)', () => {
    expect(outlineOfHtml(fixture('outline/caiyes-lianghui-br-lines.html'))).toEqual([
      '一、深刻领会“两会”精神,全面认真组织好学习贯彻',
    ]);
  });

  it('takes 一是…四是 paragraphs as the top level and does NOT take the sidebar’s or replies’ 一、二、 (forum post)', () => {
    expect(outlineOfHtml(fixture('outline/qsbbs-minsheng-yishi.html'))).toEqual([
      '一是着力政策宣传',
      '二是着力组织领导',
      '三是着力各方配合',
      '四是着力监督管理',
    ]);
  });
});
