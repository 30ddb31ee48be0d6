// The bridge's measures (METRICS.md §4, §5): money, entity counts and rates, each with its labels, CSV key,
// kind, good direction and CMRR impact. Read by the bridge renderers, --compare, diff and --fail-if.
import type { CountMeasure, MoneyMeasure } from '../../metrics/bridge.js';
import type { RateName } from '../bridge-rates.js';
import type { Impact, MeasureInfo } from './measure-info.js';

const onBegin: Impact = { base: 'money.begin' };

export const bridgeMoneyInfo: Readonly<Record<MoneyMeasure, MeasureInfo>> = {
  begin: { label: 'Begin', shortLabel: 'Begin', csvKey: 'begin', kind: 'money', better: 'up', impact: 'self' },
  new: { label: 'New', shortLabel: 'New', csvKey: 'new', kind: 'money', better: 'up', impact: 'self' },
  expansion: { label: 'Expansion', shortLabel: 'Expansion', csvKey: 'expansion', kind: 'money', better: 'up', impact: 'self' },
  reactivation: { label: 'Reactivation', shortLabel: 'Reactivation', csvKey: 'reactivation', kind: 'money', better: 'up', impact: 'self' },
  contraction: { label: 'Contraction', shortLabel: 'Contraction', csvKey: 'contraction', kind: 'money', better: 'down', impact: 'self' },
  churn: { label: 'Churn', shortLabel: 'Churn', csvKey: 'churn', kind: 'money', better: 'down', impact: 'self' },
  end: { label: 'End', shortLabel: 'End', csvKey: 'end', kind: 'money', better: 'up', impact: 'self' },
};

export const bridgeCountInfo: Readonly<Record<CountMeasure, MeasureInfo>> = {
  begin: { label: 'Begin count', shortLabel: 'Begin', csvKey: 'begin_count', kind: 'count', better: 'up', impact: 'none' },
  new: { label: 'New count', shortLabel: 'New', csvKey: 'new_count', kind: 'count', better: 'up', impact: 'none' },
  reactivated: { label: 'Reactivated count', shortLabel: 'React.', csvKey: 'reactivated_count', kind: 'count', better: 'up', impact: 'none' },
  expanded: { label: 'Expanded count', shortLabel: 'Exp.', csvKey: 'expanded_count', kind: 'count', better: 'up', impact: 'none' },
  contracted: { label: 'Contracted count', shortLabel: 'Contr.', csvKey: 'contracted_count', kind: 'count', better: 'down', impact: 'none' },
  churned: { label: 'Churned count', shortLabel: 'Churned', csvKey: 'churned_count', kind: 'count', better: 'down', impact: 'none' },
  end: { label: 'End count', shortLabel: 'End', csvKey: 'end_count', kind: 'count', better: 'up', impact: 'none' },
};

export const bridgeRateInfo: Readonly<Record<RateName, MeasureInfo>> = {
  grr: { label: 'GRR', shortLabel: 'GRR', csvKey: 'grr', kind: 'rate', better: 'up', impact: onBegin },
  nrr: { label: 'NRR', shortLabel: 'NRR', csvKey: 'nrr', kind: 'rate', better: 'up', impact: onBegin },
  grossChurn: { label: 'Gross churn', shortLabel: 'Gross churn', csvKey: 'gross_churn', kind: 'rate', better: 'down', impact: onBegin },
  netChurn: { label: 'Net churn', shortLabel: 'Net churn', csvKey: 'net_churn', kind: 'rate', better: 'down', impact: onBegin },
  logoChurn: { label: 'Logo churn', shortLabel: 'Logo churn', csvKey: 'logo_churn', kind: 'rate', better: 'down', impact: 'none' },
  logoRetention: { label: 'Logo retention', shortLabel: 'Logo ret.', csvKey: 'logo_retention', kind: 'rate', better: 'up', impact: 'none' },
  quickRatio: { label: 'Quick ratio', shortLabel: 'Quick ratio', csvKey: 'quick_ratio', kind: 'ratio', better: 'up', impact: 'none' },
  ttmNrr: { label: 'TTM NRR', shortLabel: 'TTM NRR', csvKey: 'ttm_nrr', kind: 'rate', better: 'up', impact: 'none' },
  ttmGrr: { label: 'TTM GRR', shortLabel: 'TTM GRR', csvKey: 'ttm_grr', kind: 'rate', better: 'up', impact: 'none' },
};
