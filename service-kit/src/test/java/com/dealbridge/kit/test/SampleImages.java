package com.dealbridge.kit.test;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Real images from the JDK's encoders, for the attachment tests of both services. */
public final class SampleImages {

    private SampleImages() {
    }

    /** A 32 × 24 PNG with one coloured pixel: a real image file that the content checks accept. */
    public static byte[] png() {
        BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 4, 0x0B5CAD);
        return png(image);
    }

    /** The image as the JDK's PNG encoder writes it. */
    public static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
