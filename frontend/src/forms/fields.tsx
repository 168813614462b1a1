import {
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  RadioButton,
  Select,
  Textarea,
  Textbox,
  type SelectProps,
  type TextareaProps,
  type TextboxProps,
} from '@utrecht/component-library-react';
import type { InputHTMLAttributes, ReactNode, Ref } from 'react';

/*
 * Form fields built from NL Design System parts, with ids we choose (the error summary links to
 * them) and aria-describedby pointing at the description and the error message.
 */

interface FieldChrome {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  errors?: string[] | undefined;
}

const descriptionId = (id: string) => `${id}-uitleg`;
const errorId = (id: string) => `${id}-fout`;

function describedBy(id: string, description: ReactNode, errors: string[] | undefined) {
  const ids = [description ? descriptionId(id) : null, errors?.length ? errorId(id) : null];
  return ids.filter(Boolean).join(' ') || undefined;
}

function ErrorMessage({ id, errors }: { id: string; errors: string[] | undefined }) {
  if (!errors?.length) return null;
  return (
    <FormFieldErrorMessage id={errorId(id)} className="utrecht-form-field__error-message">
      {errors.length === 1 ? (
        errors[0]
      ) : (
        <ul className="spoorboek-error-list">
          {errors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </FormFieldErrorMessage>
  );
}

function Description({ id, children }: { id: string; children: ReactNode }) {
  if (!children) return null;
  return (
    <FormFieldDescription id={descriptionId(id)} className="utrecht-form-field__description">
      {children}
    </FormFieldDescription>
  );
}

/** The chrome the text fields share: label, description and error message around the control. */
function TextFieldShell({
  id,
  label,
  description,
  errors,
  className,
  children,
}: FieldChrome & { className?: string | undefined; children: ReactNode }) {
  return (
    <FormField invalid={Boolean(errors?.length)} type="text" className={className}>
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{label}</FormLabel>
      </div>
      <Description id={id}>{description}</Description>
      <ErrorMessage id={id} errors={errors} />
      <div className="utrecht-form-field__input">{children}</div>
    </FormField>
  );
}

type TextFieldProps = FieldChrome &
  Omit<TextboxProps, 'id' | 'invalid' | 'children'> & { inputRef?: Ref<HTMLInputElement> };

export function TextField({ id, label, description, errors, className, inputRef, ...input }: TextFieldProps) {
  const invalid = Boolean(errors?.length);
  return (
    <TextFieldShell id={id} label={label} description={description} errors={errors} className={className}>
      <Textbox
        ref={inputRef}
        id={id}
        invalid={invalid}
        aria-describedby={describedBy(id, description, errors)}
        {...input}
      />
    </TextFieldShell>
  );
}

type TextAreaFieldProps = FieldChrome &
  Omit<TextareaProps, 'id' | 'invalid' | 'children'> & { inputRef?: Ref<HTMLTextAreaElement> };

export function TextAreaField({ id, label, description, errors, className, inputRef, ...input }: TextAreaFieldProps) {
  const invalid = Boolean(errors?.length);
  return (
    <TextFieldShell id={id} label={label} description={description} errors={errors} className={className}>
      <Textarea
        ref={inputRef}
        id={id}
        invalid={invalid}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(id, description, errors)}
        {...input}
      />
    </TextFieldShell>
  );
}

type FileFieldProps = FieldChrome &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type' | 'children'> & { inputRef?: Ref<HTMLInputElement> };

/** A file input; the NL Design System has no component for it, so a plain input with its field chrome. */
export function FileField({ id, label, description, errors, className, inputRef, ...input }: FileFieldProps) {
  const invalid = Boolean(errors?.length);
  return (
    <FormField invalid={invalid} type="text" className={className}>
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{label}</FormLabel>
      </div>
      <Description id={id}>{description}</Description>
      <ErrorMessage id={id} errors={errors} />
      <div className="utrecht-form-field__input">
        <input
          ref={inputRef}
          id={id}
          type="file"
          className="spoorboek-file-input"
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy(id, description, errors)}
          {...input}
        />
      </div>
    </FormField>
  );
}

type SelectFieldProps = FieldChrome & Omit<SelectProps, 'id' | 'invalid'>;

export function SelectField({ id, label, description, errors, children, className, ...select }: SelectFieldProps) {
  const invalid = Boolean(errors?.length);
  return (
    <FormField invalid={invalid} type="text" className={className}>
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{label}</FormLabel>
      </div>
      <Description id={id}>{description}</Description>
      <ErrorMessage id={id} errors={errors} />
      <div className="utrecht-form-field__input">
        <Select
          id={id}
          invalid={invalid}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy(id, description, errors)}
          {...select}
        >
          {children}
        </Select>
      </div>
    </FormField>
  );
}

interface CheckboxFieldProps {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  errors?: string[] | undefined;
}

export function CheckboxField({ id, label, description, checked, onChange, disabled, errors }: CheckboxFieldProps) {
  const invalid = Boolean(errors?.length);
  return (
    <FormField invalid={invalid} type="checkbox">
      <div className="utrecht-form-field__label utrecht-form-field__label--checkbox">
        <FormLabel type="checkbox" htmlFor={id} checked={checked} disabled={disabled}>
          <Checkbox
            id={id}
            className="utrecht-form-field__input"
            checked={checked}
            disabled={disabled}
            invalid={invalid}
            aria-describedby={describedBy(id, description, errors)}
            onChange={(event) => onChange(event.target.checked)}
          />
          {label}
        </FormLabel>
      </div>
      <Description id={id}>{description}</Description>
      <ErrorMessage id={id} errors={errors} />
    </FormField>
  );
}

export interface Choice {
  value: string;
  label: ReactNode;
  description?: ReactNode;
}

interface ChoiceGroupProps {
  /** Prefix of the inputs' ids; the first input's id is `${id}-${first value}`. */
  id: string;
  legend: ReactNode;
  description?: ReactNode;
  errors?: string[] | undefined;
  choices: Choice[];
}

/** The id of a choice's input; the error summary links to the first one. */
export function choiceId(groupId: string, value: string): string {
  return `${groupId}-${value.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

function ChoiceFieldset({
  id,
  legend,
  description,
  errors,
  children,
  role,
}: Omit<ChoiceGroupProps, 'choices'> & { children: ReactNode; role?: string }) {
  const invalid = Boolean(errors?.length);
  return (
    <Fieldset
      invalid={invalid}
      role={role}
      aria-describedby={describedBy(id, description, errors)}
      className="spoorboek-fieldset"
    >
      <FieldsetLegend>{legend}</FieldsetLegend>
      <Description id={id}>{description}</Description>
      <ErrorMessage id={id} errors={errors} />
      {children}
    </Fieldset>
  );
}

interface CheckboxGroupProps extends ChoiceGroupProps {
  value: string[];
  onChange: (value: string[]) => void;
}

export function CheckboxGroup({ value, onChange, choices, ...group }: CheckboxGroupProps) {
  const invalid = Boolean(group.errors?.length);
  const toggle = (choice: string, checked: boolean) =>
    onChange(checked ? [...value, choice] : value.filter((v) => v !== choice));
  return (
    <ChoiceFieldset {...group}>
      {choices.map((choice) => {
        const inputId = choiceId(group.id, choice.value);
        const checked = value.includes(choice.value);
        return (
          <FormField key={choice.value} type="checkbox" invalid={invalid}>
            <div className="utrecht-form-field__label utrecht-form-field__label--checkbox">
              <FormLabel type="checkbox" htmlFor={inputId} checked={checked}>
                <Checkbox
                  id={inputId}
                  className="utrecht-form-field__input"
                  checked={checked}
                  invalid={invalid}
                  aria-describedby={choice.description ? descriptionId(inputId) : undefined}
                  onChange={(event) => toggle(choice.value, event.target.checked)}
                />
                {choice.label}
              </FormLabel>
            </div>
            <Description id={inputId}>{choice.description}</Description>
          </FormField>
        );
      })}
    </ChoiceFieldset>
  );
}

interface RadioGroupProps extends ChoiceGroupProps {
  name: string;
  value: string;
  onChange: (value: string) => void;
}

export function RadioGroup({ name, value, onChange, choices, ...group }: RadioGroupProps) {
  const invalid = Boolean(group.errors?.length);
  return (
    <ChoiceFieldset {...group} role="radiogroup">
      {choices.map((choice) => {
        const inputId = choiceId(group.id, choice.value);
        const checked = value === choice.value;
        return (
          <FormField key={choice.value} type="radio" invalid={invalid}>
            <div className="utrecht-form-field__label utrecht-form-field__label--radio">
              <FormLabel type="radio" htmlFor={inputId} checked={checked}>
                <RadioButton
                  id={inputId}
                  name={name}
                  value={choice.value}
                  className="utrecht-form-field__input"
                  checked={checked}
                  invalid={invalid}
                  aria-describedby={choice.description ? descriptionId(inputId) : undefined}
                  onChange={() => onChange(choice.value)}
                />
                {choice.label}
              </FormLabel>
            </div>
            <Description id={inputId}>{choice.description}</Description>
          </FormField>
        );
      })}
    </ChoiceFieldset>
  );
}
