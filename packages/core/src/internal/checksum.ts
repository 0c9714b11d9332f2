/**
 * Check characters of Chinese identity numbers.
 * @internal
 */

/** GB 32100-2015: the 31 characters a 统一社会信用代码 may use (no I, O, Z, S, V). */
export const CREDIT_CODE_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const

/** GB 32100-2015 §5 (登记管理部门代码): 1 机构编制, 2 外交, 3 司法行政, 4 文化, 5 民政, 6 旅游, 7 宗教, 8 工会, 9 市场监管(工商), A 中央军委改革和编制办公室, N 农业, Y 其他. */
export const CREDIT_CODE_AUTHORITIES = "123456789ANY"

/** The check character of the first 17 characters of a credit code, or `undefined` if one is outside the charset. */
export const creditCodeCheckChar = (first17: string): string | undefined => {
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARSET.indexOf(first17.charAt(i))
    if (value < 0) return undefined
    sum += value * CREDIT_CODE_WEIGHTS[i]!
  }
  const check = (31 - (sum % 31)) % 31
  return CREDIT_CODE_CHARSET.charAt(check)
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const
const ID_CHECK = "10X98765432"

/** GB 11643-1999: the check character (ISO 7064 MOD 11-2) of the first 17 digits of a 公民身份号码. */
export const idNumberCheckChar = (first17: string): string | undefined => {
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const c = first17.charCodeAt(i) - 48
    if (c < 0 || c > 9) return undefined
    sum += c * ID_WEIGHTS[i]!
  }
  return ID_CHECK.charAt(sum % 11)
}

/**
 * The first two digits of GB/T 2260 administrative division codes (provinces, autonomous regions,
 * municipalities; 71 Taiwan, 81 Hong Kong, 82 Macao), and 83 used by residence permits for Taiwan residents.
 */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  "11", "12", "13", "14", "15",
  "21", "22", "23",
  "31", "32", "33", "34", "35", "36", "37",
  "41", "42", "43", "44", "45", "46",
  "50", "51", "52", "53", "54",
  "61", "62", "63", "64", "65",
  "71", "81", "82", "83"
])
