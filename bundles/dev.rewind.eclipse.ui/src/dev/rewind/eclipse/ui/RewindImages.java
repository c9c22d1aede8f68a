package dev.rewind.eclipse.ui;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.graphics.Image;

/** The bundle's icons, kept in JFace's image registry (disposed with the display). */
public final class RewindImages {

    public static final String HART = "icons/hart.png";

    private RewindImages() {
    }

    public static Image get(String path) {
        String key = "dev.rewind.eclipse.ui/" + path;
        Image image = JFaceResources.getImageRegistry().get(key);
        if (image == null) {
            JFaceResources.getImageRegistry().put(key, ImageDescriptor.createFromURL(
                    RewindImages.class.getResource("/" + path)));
            image = JFaceResources.getImageRegistry().get(key);
        }
        return image;
    }
}
