import { unwrap } from '../../api/call';
import { apiClient } from '../../api/client';
import { fileUpload } from '../../api/multipart';
import type { components, operations } from '../../api/schema';
import type {
  DeliveryPlan,
  DeliveryPlanQuery,
  HistoryEntry,
  Product,
  ProductCreate,
  ProductFile,
  ProductUpdate,
  Review,
  Transition,
} from '../types';

type PersonPage = components['schemas']['PersonPage'];
export type Person = PersonPage['resultaten'][number];
type PeopleQuery = operations['personenZoeken']['parameters']['query'];

export function createProduct(body: ProductCreate): Promise<Product> {
  return unwrap(apiClient.POST('/producten', { body }));
}

export function updateProduct(id: number, body: ProductUpdate): Promise<Product> {
  return unwrap(apiClient.PATCH('/producten/{id}', { params: { path: { id } }, body }));
}

export function changeStatus(id: number, body: Transition): Promise<Product> {
  return unwrap(apiClient.POST('/producten/{id}/statuswijzigingen', { params: { path: { id } }, body }));
}

export function confirmFreshness(id: number, actueel: boolean, toelichting: string | null): Promise<Product> {
  return unwrap(
    apiClient.PUT('/producten/{id}/actualiteit', { params: { path: { id } }, body: { actueel, toelichting } }),
  );
}

export async function fetchHistory(id: number, signal?: AbortSignal): Promise<HistoryEntry[]> {
  const list = await unwrap(apiClient.GET('/producten/{id}/geschiedenis', { params: { path: { id } }, signal }));
  return list.resultaten;
}

/** Uploads one document to the draft, as multipart/form-data in the field `bestand`. */
export function uploadFile(id: number, file: File): Promise<ProductFile> {
  return unwrap(
    apiClient.POST('/producten/{id}/bestanden', {
      params: { path: { id } },
      ...fileUpload(file),
    }),
  );
}

export function addLink(id: number, naam: string, url: string): Promise<ProductFile> {
  return unwrap(apiClient.POST('/producten/{id}/links', { params: { path: { id } }, body: { naam, url } }));
}

export async function removeFile(id: number, bestandId: number): Promise<void> {
  await unwrap(apiClient.DELETE('/producten/{id}/bestanden/{bestandId}', { params: { path: { id, bestandId } } }));
}

export async function fetchReviews(id: number, signal?: AbortSignal): Promise<Review[]> {
  const list = await unwrap(apiClient.GET('/producten/{id}/toetsingen', { params: { path: { id } }, signal }));
  return list.resultaten;
}

export function inviteTester(id: number, toetserId: number): Promise<Review> {
  return unwrap(apiClient.POST('/producten/{id}/toetsingen', { params: { path: { id } }, body: { toetserId } }));
}

/** The directory's people of a role whose name contains `zoek`: no more than name, organisation and municipalities. */
export function findPeople(query: PeopleQuery, signal?: AbortSignal): Promise<PersonPage> {
  return unwrap(apiClient.GET('/personen', { params: { query }, signal }));
}

export function fetchDeliveryPlan(query: DeliveryPlanQuery, signal?: AbortSignal): Promise<DeliveryPlan> {
  return unwrap(apiClient.GET('/leveringsplan', { params: { query }, signal }));
}
