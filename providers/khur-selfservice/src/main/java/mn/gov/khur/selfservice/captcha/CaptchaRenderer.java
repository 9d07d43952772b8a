package mn.gov.khur.selfservice.captcha;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.QuadCurve2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.imageio.ImageIO;

/**
 * Draws the answer as a distorted PNG (Java2D, headless): each character rotated, sheared, scaled
 * and offset on its own, over speckle and crossing curves, then a sine warp of the whole row.
 */
final class CaptchaRenderer {

    static final int WIDTH = 200;
    static final int HEIGHT = 64;

    private final SecureRandom random;

    CaptchaRenderer(SecureRandom random) {
        this.random = random;
    }

    BufferedImage render(String text) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(246, 247, 250));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            speckle(g);
            characters(g, text);
            curves(g);
        } finally {
            g.dispose();
        }
        return warp(image);
    }

    String dataUri(String text) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(render(text), "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    }

    private void speckle(Graphics2D g) {
        for (int i = 0; i < 260; i++) {
            g.setColor(new Color(140 + random.nextInt(90), 140 + random.nextInt(90), 140 + random.nextInt(90)));
            g.fillRect(random.nextInt(WIDTH), random.nextInt(HEIGHT), 1 + random.nextInt(2), 1 + random.nextInt(2));
        }
    }

    private void characters(Graphics2D g, String text) {
        int slot = (WIDTH - 20) / text.length();
        for (int i = 0; i < text.length(); i++) {
            Font font = CaptchaFont.sized(30f + random.nextInt(10));
            AffineTransform shape = new AffineTransform();
            shape.rotate(Math.toRadians(random.nextInt(50) - 25));
            shape.shear((random.nextDouble() - 0.5) * 0.5, (random.nextDouble() - 0.5) * 0.3);
            g.setFont(font.deriveFont(shape));
            g.setColor(new Color(20 + random.nextInt(80), 30 + random.nextInt(70), 60 + random.nextInt(100)));
            int x = 12 + i * slot + random.nextInt(8);
            int y = 42 + random.nextInt(12) - 6;
            g.drawString(String.valueOf(text.charAt(i)), x, y);
        }
    }

    private void curves(Graphics2D g) {
        for (int i = 0; i < 3; i++) {
            g.setStroke(new BasicStroke(1.5f + random.nextFloat() * 1.5f));
            g.setColor(new Color(40 + random.nextInt(120), 40 + random.nextInt(120), 40 + random.nextInt(120)));
            g.draw(new QuadCurve2D.Float(0, random.nextInt(HEIGHT), WIDTH / 2f, random.nextInt(HEIGHT * 2) - HEIGHT / 2f,
                    WIDTH, random.nextInt(HEIGHT)));
        }
    }

    private BufferedImage warp(BufferedImage source) {
        BufferedImage out = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        double amplitude = 3 + random.nextDouble() * 3;
        double period = 30 + random.nextDouble() * 30;
        double phase = random.nextDouble() * Math.PI * 2;
        for (int x = 0; x < WIDTH; x++) {
            int shift = (int) Math.round(amplitude * Math.sin(phase + x / period * 2 * Math.PI));
            for (int y = 0; y < HEIGHT; y++) {
                int sy = Math.floorMod(y + shift, HEIGHT);
                out.setRGB(x, y, source.getRGB(x, sy));
            }
        }
        return out;
    }
}
