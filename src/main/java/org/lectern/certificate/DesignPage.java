package org.lectern.certificate;

import org.lectern.shared.i18n.LocalizedText;
import org.lectern.shared.web.FormErrors;

/** The certificate design page: the form, its errors, and a preview image if one was asked for. */
public record DesignPage(
    String programmeId,
    LocalizedText.Shown title,
    DesignForm form,
    boolean hasLogo,
    FormErrors errors,
    String previewPng,
    String notice) {}
