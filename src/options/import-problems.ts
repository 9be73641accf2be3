/** An import problem in the reader's language: "Row 3, field category: must be one of …". */
import type { ImportProblem } from '../core/glossary/user-glossary';
import { t } from '../shared/i18n';

export function describeProblem({ row, field, kind, detail }: ImportProblem): string {
  const what = t(`options.problem.${kind}`, detail);
  if (row === 0) return t('options.problemFile', what);
  if (field === '') return t('options.problemRow', row, what);
  return t('options.problemAt', row, field, what);
}
