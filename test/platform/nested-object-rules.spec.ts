import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validatedClasses, validatedPropertiesOf } from '@mrm/http';
import { plainToInstance } from 'class-transformer';
import { ValidationTypes } from 'class-validator';

// Issue 18: `@ValidateNested()` alone takes an array where an object belongs, and `@IsOptional()`
// lets a null through. Every nested property of every validated class (DTOs, import files,
// contracts) must refuse both, which is what `NestedObject` from @mrm/http does; this walk fails
// on a property declared without it.
const root = join(__dirname, '..', '..');
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : /(?<!\.spec)(?<!\.e2e-spec)\.ts$/.test(entry.name)
        ? [join(dir, entry.name)]
        : [],
  );
const validatedSources = ['apps', 'libs']
  .flatMap((top) => readdirSync(join(root, top)).map((name) => join(root, top, name, 'src')))
  .flatMap(sourceFiles)
  // DTO files derived with PartialType and the like import no class-validator of their own.
  .filter(
    (file) =>
      file.endsWith('.dto.ts') || readFileSync(file, 'utf8').includes("from 'class-validator'"),
  );

interface NestedProperty {
  readonly name: string;
  readonly each: boolean;
  readonly refusesArrays: boolean;
  readonly typed: boolean;
  /** `@IsOptional()`: a null skips every rule and reaches the code that reads the object. */
  readonly letsNullThrough: boolean;
}

// Update bodies where null deliberately clears the object (the service handles it): registration's
// PATCH, whose null clears the address.
const NULL_CLEARS = ['PartialOmitRegisterBeneficiaryRequestDtoDuplicateOverride.address'];

// `@Type()` is what turns the plain object of a body into the class that nested validation reads.
function convertsToClass(target: Function, property: string, each: boolean): boolean {
  const plain = { [property]: each ? [{}] : {} };
  const converted = plainToInstance(target as new () => object, plain) as Record<string, unknown>;
  const value = each ? (converted[property] as unknown[])[0] : converted[property];
  return Object.getPrototypeOf(value) !== Object.prototype;
}

function nestedProperties(): NestedProperty[] {
  return validatedClasses().flatMap((target) =>
    validatedPropertiesOf(target)
      .filter((property) => property.nested)
      .map((property) => {
        const nested = property.rules.find(
          (rule) => rule.type === ValidationTypes.NESTED_VALIDATION,
        );
        const each = nested?.each === true;
        return {
          name: `${target.name}.${property.name}`,
          each,
          refusesArrays: property.rules.some(
            (rule) => rule.name === 'isObject' && (rule.each === true) === each,
          ),
          typed: convertsToClass(target, property.name, each),
          letsNullThrough: property.rules.some((rule) => rule.name === 'isOptional'),
        };
      }),
  );
}

describe('nested object properties of every validated class', () => {
  beforeAll(() => {
    for (const file of validatedSources) jest.requireActual(file);
  });

  it('finds the nested properties of the services', () => {
    const names = nestedProperties().map(({ name }) => name);

    expect(names).toEqual(
      expect.arrayContaining([
        'RegisterBeneficiaryRequestDto.address',
        'RegisterBeneficiaryRequestDto.duplicateOverride',
        'CreateReferralRequestDto.consentOverride',
        'CreateServiceRequestDto.eligibility',
        'AttendanceSheetRequestDto.entries',
      ]),
    );
  });

  it('refuses an array where an object belongs, and converts the value to its class', () => {
    const faults = nestedProperties()
      .filter(({ refusesArrays, typed }) => !refusesArrays || !typed)
      .map(({ name, refusesArrays }) =>
        refusesArrays ? `${name}: no @Type` : `${name}: no IsObject (use NestedObject)`,
      );

    expect(faults).toEqual([]);
  });

  it('refuses null in place of one object, unless null clears it on purpose', () => {
    const faults = nestedProperties()
      .filter(
        ({ each, letsNullThrough, name }) =>
          !each && letsNullThrough && !NULL_CLEARS.includes(name),
      )
      .map(({ name }) => `${name}: @IsOptional() (use NestedObject's optional)`);

    expect(faults).toEqual([]);
  });
});
