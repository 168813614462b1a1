import { describe, expect, it } from 'vitest';

import { createBody, EMPTY_PRODUCT, updateBody, validateProduct, type ProductFormValues } from './ProductForm';

const filled: ProductFormValues = {
  ...EMPTY_PRODUCT,
  soort: 'handreiking',
  titel: '  Handreiking giften  ',
  samenvatting: 'Over giften.',
  maatregelen: ['M01'],
  doelgroepen: ['beleidsmedewerker'],
};

describe('the product form', () => {
  it('creates with trimmed text, nulls for empty optional fields and the default licence', () => {
    expect(createBody({ ...filled, licentie: ' ' })).toEqual({
      soort: 'handreiking',
      titel: 'Handreiking giften',
      samenvatting: 'Over giften.',
      maatregelen: ['M01'],
      doelgroepen: ['beleidsmedewerker'],
      uitgevers: [],
      taalniveau: null,
      licentie: 'CC-BY-4.0',
      geplandDatum: null,
    });
    expect(createBody({ ...filled, eigenaarId: '5' }).eigenaarId).toBe(5);
  });

  it('sends only what changed, whatever the order of the lists', () => {
    const initial: ProductFormValues = { ...filled, titel: 'Handreiking giften', maatregelen: ['M01', 'M16'] };
    expect(updateBody(initial, { ...initial, maatregelen: ['M16', 'M01'] })).toEqual({});
    expect(updateBody(initial, { ...initial, taalniveau: 'B1', geplandDatum: '2026-12-01' })).toEqual({
      taalniveau: 'B1',
      geplandDatum: '2026-12-01',
    });
    expect(updateBody({ ...initial, taalniveau: 'B1' }, { ...initial, taalniveau: '' })).toEqual({ taalniveau: null });
  });

  it('checks what the server would refuse', () => {
    expect(validateProduct(EMPTY_PRODUCT).fields).toEqual({
      soort: ['Kies de soort product.'],
      titel: ['Vul een titel in.'],
      samenvatting: ['Vul een samenvatting in.'],
      maatregelen: ['Kies minstens één maatregel.'],
      doelgroepen: ['Kies minstens één doelgroep.'],
    });
    expect(validateProduct({ ...filled, titel: 'ab', eigenaarId: 'Ruud' }).fields).toEqual({
      titel: ['De titel heeft minstens 3 tekens.'],
      eigenaarId: ['Een gebruikersnummer bestaat alleen uit cijfers.'],
    });
  });
});
