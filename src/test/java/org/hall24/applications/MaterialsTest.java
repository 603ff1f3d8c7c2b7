package org.hall24.applications;

import org.hall24.shared.Applicant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.hall24.Hall24IntegrationTest;
import org.hall24.applications.MaterialRejectedException.Reason;
import org.hall24.catalog.Catalog;
import org.hall24.shared.ChineseIdNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@Hall24IntegrationTest
class MaterialsTest {

    /** WJ-0001's material 3: the ID card, electronic and required. */
    static final int ID_CARD = 3;

    @Autowired
    Applications applications;
    @Autowired
    Catalog catalog;

    UUID draft;

    @BeforeEach
    void openDraft() {
        Applicant applicant = new Applicant("测试人", ChineseIdNumber.of(FormsTest.ID), null, null);
        draft = applications.openDraft("session-" + UUID.randomUUID(), "JLP-YJP-GOV-01", catalog.item("WJ-0001").orElseThrow(),
                applicant).id();
    }

    static BufferedImage decode(byte[] bytes) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(image).as("decodes").isNotNull();
        return image;
    }

    @Test
    void aLargeJpegIsScaledToAtMost2480PxAndReencoded() throws IOException {
        Draft d = applications.addMaterial(draft, ID_CARD, TestFiles.jpeg(4000, 3000), "card.jpg", MaterialSource.DOCUMENT_CAMERA);

        DraftMaterial m = d.materials().get(0);
        assertThat(m.contentType()).isEqualTo("image/jpeg");
        assertThat(m.pages()).isEqualTo(1);
        BufferedImage image = decode(m.content());
        assertThat(Math.max(image.getWidth(), image.getHeight())).isEqualTo(2480);
        assertThat(image.getHeight()).isEqualTo(1860);
        assertThat(m.size()).isEqualTo(m.content().length);
        BufferedImage thumbnail = decode(m.thumbnail());
        assertThat(Math.max(thumbnail.getWidth(), thumbnail.getHeight())).isLessThanOrEqualTo(240);
        assertThat(d.missingRequiredMaterials()).doesNotContain(ID_CARD);
    }

    @Test
    void aPhotoTakenSidewaysIsTurnedUprightByItsExifOrientation() throws IOException {
        byte[] landscape = TestFiles.jpeg(400, 200);
        byte[] sideways = TestFiles.withExifOrientation(landscape, 6);

        Draft d = applications.addMaterial(draft, ID_CARD, sideways, "phone.jpg", MaterialSource.CAMERA);

        BufferedImage image = decode(d.materials().get(0).content());
        assertThat(image.getWidth()).isEqualTo(200);
        assertThat(image.getHeight()).isEqualTo(400);
        assertThat(new String(d.materials().get(0).content(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .as("metadata dropped").doesNotContain("Exif");
    }

    @Test
    void aPngWithTransparencyBecomesAJpeg() throws IOException {
        Draft d = applications.addMaterial(draft, ID_CARD, TestFiles.image("png", 800, 600, true), "scan.png", MaterialSource.UPLOAD);

        DraftMaterial m = d.materials().get(0);
        assertThat(m.contentType()).isEqualTo("image/jpeg");
        assertThat(m.content()[0] & 0xFF).isEqualTo(0xFF);
        assertThat(decode(m.content()).getWidth()).isEqualTo(800);
    }

    @Test
    void aPdfIsKeptWithItsPageCount() {
        byte[] pdf = TestFiles.pdf(3);

        Draft d = applications.addMaterial(draft, 0, pdf, "certificate.pdf", MaterialSource.UPLOAD);

        DraftMaterial m = d.materials().get(0);
        assertThat(m.contentType()).isEqualTo("application/pdf");
        assertThat(m.pages()).isEqualTo(3);
        assertThat(m.content()).isEqualTo(pdf);
        assertThat(m.thumbnail()).isNotEmpty();
    }

    @Test
    void aFileOverTheSizeLimitIsRefused() {
        byte[] huge = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(TestFiles.jpeg(10, 10), 0, huge, 0, 100);

        assertRefused(huge, "big.jpg", Reason.TOO_LARGE);
    }

    @Test
    void aPngDeclaringTooManyPixelsIsRefusedForItsPixelsNotItsSize() {
        byte[] bomb = TestFiles.pngDeclaring(9000, 9000);
        assertThat(bomb.length).as("a small file").isLessThan(1024);

        assertRefused(bomb, "bomb.png", Reason.TOO_MANY_PIXELS);
    }

    @Test
    void anExecutableNamedJpgIsRefusedAsNotAnImage() {
        byte[] windows = Arrays.copyOf("MZ\u0090\u0000\u0003\u0000\u0000\u0000 This program cannot be run in DOS mode".getBytes(), 4096);
        byte[] linux = Arrays.copyOf(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1}, 4096);

        assertRefused(windows, "photo.jpg", Reason.NOT_AN_IMAGE_OR_PDF);
        assertRefused(linux, "photo.jpg", Reason.NOT_AN_IMAGE_OR_PDF);
    }

    @Test
    void aTruncatedJpegIsRefusedAsCorrupt() {
        byte[] jpeg = TestFiles.jpeg(1200, 900);

        assertRefused(Arrays.copyOf(jpeg, jpeg.length / 2), "half.jpg", Reason.CORRUPT);
    }

    @Test
    void aBrokenPdfIsRefusedAsCorrupt() {
        assertRefused("%PDF-1.7\nthis is not really a pdf".getBytes(), "x.pdf", Reason.CORRUPT);
    }

    @Test
    void aPdfOfMoreThan50PagesIsRefused() {
        assertRefused(TestFiles.pdf(51), "long.pdf", Reason.TOO_MANY_PAGES);
    }

    @Test
    void aMaterialTakesAtMost20Files() {
        byte[] small = TestFiles.jpeg(50, 50);
        for (int i = 0; i < 20; i++) {
            applications.addMaterial(draft, 1, small, null, MaterialSource.CAMERA);
        }

        assertThatThrownBy(() -> applications.addMaterial(draft, 1, small, null, MaterialSource.CAMERA))
                .isInstanceOfSatisfying(MaterialRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_FILES));
        assertThat(applications.draft(draft).orElseThrow().materials(1)).hasSize(20);
    }

    @Test
    void aFileCanBeRemoved() {
        Draft d = applications.addMaterial(draft, ID_CARD, TestFiles.jpeg(100, 100), null, MaterialSource.CAMERA);

        Draft after = applications.removeMaterial(draft, d.materials().get(0).id());

        assertThat(after.materials()).isEmpty();
    }

    @Test
    void onlyRequiredElectronicMaterialsCountAsMissing() {
        Draft d = applications.draft(draft).orElseThrow();
        assertThat(d.missingRequiredMaterials()).as("the three paper materials go to the cabinet; the ID card is read at the kiosk")
                .isEmpty();
        assertThat(d.ready()).as("the form is still empty").isFalse();

        // 特种设备作业人员资格认定: a photo taken at the kiosk is required, the ID card is read.
        Draft operator = applications.openDraft("session-" + UUID.randomUUID(), "JLP-YJP-GOV-01",
                catalog.item("SJ-0016").orElseThrow(), d.applicant());
        assertThat(operator.missingRequiredMaterials()).containsExactly(2);
        Draft photographed = applications.addMaterial(operator.id(), 2, TestFiles.jpeg(300, 400), null, MaterialSource.CAMERA);
        assertThat(photographed.missingRequiredMaterials()).isEmpty();
    }

    void assertRefused(byte[] bytes, String name, Reason reason) {
        Draft before = applications.draft(draft).orElseThrow();
        assertThatThrownBy(() -> applications.addMaterial(draft, ID_CARD, bytes, name, MaterialSource.UPLOAD))
                .isInstanceOfSatisfying(MaterialRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
        assertThat(applications.draft(draft).orElseThrow().materials()).as("nothing attached")
                .hasSameSizeAs(before.materials());
    }
}
