package org.hall24.platform.pdf;

/**
 * No TrueType CJK font could be loaded, so no PDF with Chinese text can be rendered. The message
 * names the fix: install Debian's {@code fonts-wqy-zenhei}, or point {@code hall24.pdf.font} at a
 * TrueType ({@code .ttf}/{@code .ttc}) font with Chinese glyphs.
 */
public class PdfFontUnavailableException extends IllegalStateException {

    static final String FIX = "install a TrueType CJK font (Debian: apt-get install fonts-wqy-zenhei) "
            + "or set hall24.pdf.font to the path of a .ttf/.ttc font with Chinese glyphs "
            + "(CFF-based .otf fonts such as Noto Sans CJK cannot be embedded by PDFBox)";

    private final String detail;

    public PdfFontUnavailableException(String detail) {
        super("No CJK font for PDF documents (" + detail + "): " + FIX);
        this.detail = detail;
    }

    /** What was tried and why it failed, without the fix. */
    public String detail() {
        return detail;
    }
}
