// The options of retain renewals beyond the shared report spec: archive products, planned churn, the churn
// reason map and --detail. Apart from the report so that its rows (renewals-rows.ts) read them without
// importing the report that imports them.
import type { ReasonMap } from '../model/churn-reason.js';
import type { ChurnPlan } from './renewals-plan.js';

export interface RenewalsOptions {
  archiveProducts: readonly string[];
  plan: ChurnPlan | undefined;
  reasonMap: ReasonMap | undefined;
  /** Where the reason map came from (file name), for the policy block. */
  reasonMapSource: string | undefined;
  detail: boolean;
}
