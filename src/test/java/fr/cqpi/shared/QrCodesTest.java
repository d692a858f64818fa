package fr.cqpi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Every verification URL the documents can carry comes back from its QR code, whatever its random token. */
public class QrCodesTest {

    @Test
    void randomVerificationUrlsDecodeBack() throws Exception {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 300; i++) {
            byte[] token = new byte[18];
            random.nextBytes(token);
            String url = "https://cqpi.example.org:" + (1024 + random.nextInt(60000)) + "/verify/CQPI-2026-"
                    + String.format("%06d", i) + "-"
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(token);
            assertThat(decode(QrCodes.dataUri(url))).isEqualTo(url);
        }
    }

    /** The text of a QR code PNG {@code data:} URI. */
    public static String decode(String dataUri) throws Exception {
        byte[] png = Base64.getDecoder().decode(dataUri.substring(dataUri.indexOf(',') + 1));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var bitmap = new BinaryBitmap(
                new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        return new QRCodeReader()
                .decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
                .getText();
    }
}
