import type { components, operations } from '../api/schema';

export type Product = components['schemas']['ProductRead'];
export type ProductPage = components['schemas']['ProductPage'];
export type ProductCreate = components['schemas']['ProductCreate'];
export type ProductUpdate = components['schemas']['ProductUpdate'];
export type ProductType = components['schemas']['ProductType'];
export type ProductStatus = components['schemas']['ProductStatus'];
export type Audience = components['schemas']['Audience'];
export type Version = components['schemas']['VersionRead'];
export type ProductFile = components['schemas']['FileRead'];
export type Transition = components['schemas']['Transition'];
export type Review = components['schemas']['ReviewRead'];
export type Verdict = components['schemas']['Verdict'];
export type HistoryEntry = components['schemas']['ProductHistoryEntry'];
export type DeliveryPlan = components['schemas']['DeliveryPlan'];
export type WavePlan = components['schemas']['WavePlan'];
export type PlannedProduct = components['schemas']['PlannedProduct'];

export type ProductFilters = NonNullable<operations['productenOpvragen']['parameters']['query']>;
export type DeliveryPlanQuery = NonNullable<operations['leveringsplanOpvragen']['parameters']['query']>;
