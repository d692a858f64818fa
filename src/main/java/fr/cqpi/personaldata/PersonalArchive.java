package fr.cqpi.personaldata;

import java.io.IOException;

/**
 * A person's archive being written (ZIP): each module adds its section of the JSON document and its files. Files are
 * written to the archive as they are added, one at a time: the archive is never held in memory.
 */
public interface PersonalArchive {

    /** This module's part of {@code personal-data.json}: records, lists and maps of them (Jackson). */
    void section(String name, Object data);

    /** A file of the archive, under {@code folder/} (e.g. {@code evidence/12-photo.jpg}). */
    void file(String path, byte[] content) throws IOException;
}
