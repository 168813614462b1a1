/**
 * The body of an upload in the form field `bestand`, as multipart/form-data. The generated type
 * says string (binary); the serializer sends the File itself.
 */
export function fileUpload(file: File) {
  return {
    body: { bestand: file as unknown as string },
    bodySerializer: (body: { bestand: string }) => {
      const form = new FormData();
      const chosen = body.bestand as unknown as File;
      form.append('bestand', chosen, chosen.name);
      return form;
    },
  };
}
