import { describe, expect, it } from "@effect/vitest"
import { run } from "../src/quickstart.js"

describe("quickstart", () => {
  const lines = run()
  const text = lines.join("\n")

  it("accepts the valid records and explains each invalid one in Chinese", () => {
    expect(text).toContain("✓ 金乡县某电子商务有限公司（91370828MA3C4P2X1N）")
    expect(text).toContain("校验码不符：第18位应为“N”，实际为“P”")
    expect(text).toContain("第16位字符“I”不合法")
    expect(text).toContain("✓ 李老师：出生日期 1985-03-01（取自身份证号），2024-09-01 时 39 岁，企业实践 1 段")
    expect(text).toContain("idNumber：校验码不符")
    expect(text).toContain("hiredOn：日期“2019-02-30”不存在")
    expect(text).toContain("不认识的字段“wechat”")
    expect(text).toContain("兼职教师须填写兼职聘任信息")
    expect(text).toContain("合计：1 条有效，2 条有误")
  })

  it("resolves the national policy differently at the two dates", () => {
    expect(text).toContain("实习类型：认识实习、跟岗实习、顶岗实习　依据 《职业学校学生实习管理规定（2016年）》 第二条")
    expect(text).toContain("实习类型：认识实习、岗位实习　依据 《职业学校学生实习管理规定》 教职成〔2021〕4号 第二条")
    expect(text).toContain("实习报酬支付周期上限：当日无规定（尚未生效）")
    expect(text).toContain("知情同意书适用范围：未满18周岁的学生")
    expect(text).toContain("知情同意书适用范围：全部参加岗位实习的学生")
    expect(text).toContain("实习报酬支付周期上限：1 个月　依据")
  })

  it("shows a school overlay taking over only from its own date", () => {
    expect(text).toContain("【2023-09-01】每日工作时长上限 8 小时/天，来自“国家规定（默认）”（未经核实，按警示处理）")
    expect(text).toContain("【2024-09-01】每日工作时长上限 7 小时/天，来自“本校实习管理办法”")
  })
})
