/** Text of the sign-in menu and the access notices, in the three languages of the page. */
export const en = {
  access: {
    signIn: 'Sign in',
    signOut: 'Sign out',
    menu: 'Access',
    signedInAs: 'Signed in as {{name}}',
    role: { reader: 'reader', editor: 'editor', admin: 'admin' },
    notSignedIn: 'Not signed in',
    tokenLabel: 'API token',
    tokenHint: 'Paste the token an administrator gave you. It stays in this browser only.',
    submit: 'Sign in',
    checking: 'Checking…',
    rejected: 'That token was not accepted: it may be mistyped or revoked.',
    unreachable: 'Cannot check the token right now: the server did not answer.',
    allows: 'What you can do here',
    can: {
      read: 'Read the graph, findings and sources',
      readNeedsToken: 'Reading this server needs a token',
      unpublished: 'See unpublished snapshots',
      write: 'Change the graph: edit, merge, import',
      writeNeedsEditor: 'Changing the graph needs an editor token',
      tokens: 'Create and revoke tokens',
    },
    readonly: 'This is a public read-only copy: nothing can be changed here, whatever the token.',
    needsToken: 'This server shows its data only to people with a token.',
    close: 'Close',
    replaceToken:
      'The address you opened signs this browser in with another token, replacing the one it has. Only accept if you expected this (for example, an administrator sent you this link). Replace the token?',
  },
};

export const es: typeof en = {
  access: {
    signIn: 'Iniciar sesión',
    signOut: 'Cerrar sesión',
    menu: 'Acceso',
    signedInAs: 'Sesión de {{name}}',
    role: { reader: 'lector', editor: 'editor', admin: 'administrador' },
    notSignedIn: 'Sin sesión',
    tokenLabel: 'Token de la API',
    tokenHint: 'Pegue el token que le dio un administrador. Solo se guarda en este navegador.',
    submit: 'Entrar',
    checking: 'Comprobando…',
    rejected: 'Ese token no fue aceptado: puede estar mal escrito o revocado.',
    unreachable: 'No se puede comprobar el token ahora: el servidor no respondió.',
    allows: 'Qué puede hacer aquí',
    can: {
      read: 'Leer el grafo, los hallazgos y las fuentes',
      readNeedsToken: 'Leer este servidor requiere un token',
      unpublished: 'Ver instantáneas no publicadas',
      write: 'Cambiar el grafo: editar, fusionar, importar',
      writeNeedsEditor: 'Cambiar el grafo requiere un token de editor',
      tokens: 'Crear y revocar tokens',
    },
    readonly: 'Esta es una copia pública de solo lectura: aquí no se puede cambiar nada, con ningún token.',
    needsToken: 'Este servidor muestra sus datos solo a quien tiene un token.',
    close: 'Cerrar',
    replaceToken:
      'La dirección que abriste inicia sesión en este navegador con otro token y sustituye al que tiene. Acepta solo si lo esperabas (por ejemplo, si un administrador te envió este enlace). ¿Sustituir el token?',
  },
};

export const ar: typeof en = {
  access: {
    signIn: 'تسجيل الدخول',
    signOut: 'تسجيل الخروج',
    menu: 'الوصول',
    signedInAs: 'مسجَّل الدخول باسم {{name}}',
    role: { reader: 'قارئ', editor: 'محرِّر', admin: 'مسؤول' },
    notSignedIn: 'غير مسجَّل الدخول',
    tokenLabel: 'رمز الواجهة البرمجية',
    tokenHint: 'الصق الرمز الذي أعطاك إياه المسؤول. يبقى في هذا المتصفح فقط.',
    submit: 'دخول',
    checking: 'جارٍ التحقق…',
    rejected: 'لم يُقبل هذا الرمز: ربما كُتب خطأً أو أُلغي.',
    unreachable: 'تعذّر التحقق من الرمز الآن: لم يستجب الخادم.',
    allows: 'ما يمكنك فعله هنا',
    can: {
      read: 'قراءة الشبكة والنتائج والمصادر',
      readNeedsToken: 'القراءة من هذا الخادم تتطلب رمزًا',
      unpublished: 'رؤية اللقطات غير المنشورة',
      write: 'تغيير الشبكة: التحرير والدمج والاستيراد',
      writeNeedsEditor: 'تغيير الشبكة يتطلب رمز محرِّر',
      tokens: 'إنشاء الرموز وإلغاؤها',
    },
    readonly: 'هذه نسخة عامة للقراءة فقط: لا يمكن تغيير أي شيء هنا، أيًّا كان الرمز.',
    needsToken: 'لا يعرض هذا الخادم بياناته إلا لمن يحمل رمزًا.',
    close: 'إغلاق',
    replaceToken:
      'العنوان الذي فتحته يسجّل دخول هذا المتصفح برمز آخر بدلًا من الرمز الحالي. لا تقبل إلا إذا كنت تتوقع ذلك (مثلًا أرسل إليك مسؤول هذا الرابط). هل تستبدل الرمز؟',
  },
};
