import type { components } from '../api/schema';

export type Domain = components['schemas']['Domain'];
export type ReadinessStatus = components['schemas']['ReadinessStatus'];
export type IctVerdict = components['schemas']['IctVerdict'];
export type ChangeSource = components['schemas']['ChangeSource'];
export type Supplier = components['schemas']['SupplierRead'];
/** A supplier in the list of all, with the open signals naming it (team only). */
export type SupplierListItem = components['schemas']['SupplierListItem'];
/** The open signals naming a supplier (team only; null for the supplier's own client). */
export type SupplierSignals = components['schemas']['SupplierSignals'];
export type SupplierOverview = components['schemas']['SupplierOverview'];
export type Application = components['schemas']['ApplicationRead'];
export type ApplicationPage = components['schemas']['ApplicationPage'];
export type ApplicationCreate = components['schemas']['ApplicationCreate'];
export type ApplicationChange = components['schemas']['ApplicationChange'];
export type Readiness = components['schemas']['ReadinessRead'];
export type ReadinessList = components['schemas']['ReadinessList'];
export type ReadinessReport = components['schemas']['ReadinessReport'];
export type ReadinessHistory = components['schemas']['ReadinessHistory'];
export type SoftwareMeasure = components['schemas']['SoftwareMeasureRead'];
export type MeasureWaiters = components['schemas']['MeasureWaiters'];
export type MunicipalIct = components['schemas']['MunicipalIct'];
export type MunicipalApplications = components['schemas']['MunicipalApplications'];
export type Usage = components['schemas']['UsageRead'];
export type UsageHistory = components['schemas']['UsageHistory'];
export type UsageChange = components['schemas']['UsageChangeRead'];
export type Wait = components['schemas']['WaitRead'];
export type Counts = components['schemas']['Counts'];
export type PublicFigures = components['schemas']['PublicFigures'];
export type ImportReport = components['schemas']['ImportReport'];
