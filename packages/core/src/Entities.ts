/**
 * Every entity schema in one table, for tools that work over all of them (JSON Schema export, templates,
 * documentation, property tests).
 *
 * @since 0.1.0
 */
import { ApprenticeshipAgreement, CooperationAgreement, InternshipAgreement } from "./Agreement.js"
import { Assessment } from "./Assessment.js"
import { Certification } from "./DualQualified.js"
import { Enterprise } from "./Enterprise.js"
import { Internship } from "./Internship.js"
import { Major, School, TrainingBase } from "./School.js"
import { Student } from "./Student.js"
import { Teacher } from "./Teacher.js"

/**
 * The entity schemas by identifier.
 *
 * @since 0.1.0
 * @category constants
 */
export const all = {
  School,
  Major,
  Enterprise,
  TrainingBase,
  Teacher,
  Student,
  Internship,
  CooperationAgreement,
  InternshipAgreement,
  ApprenticeshipAgreement,
  Assessment,
  Certification
} as const

/**
 * @since 0.1.0
 * @category models
 */
export type Name = keyof typeof all
