/**
 * A new pdfkit document. pdfkit is imported when the first PDF is drawn, not when the process starts: loaded, it
 * holds about 20 MB, and most processes (a worker sending answers) never draw one.
 */
export async function newPdfDocument(options: PDFKit.PDFDocumentOptions): Promise<PDFKit.PDFDocument> {
  const { default: PDFDocument } = await import('pdfkit')
  return new PDFDocument(options)
}
