// Messages of the checks on Markdown bodies and content files (src/lib/content/markdown-checks.ts),
// in the playbook's language. French typography: narrow no-break space before : ; ? ! and inside « ».
import type { Locale } from './locales.ts';

const en = {
  swallowingElement: (tag: string) =>
    `<${tag}> is removed from the page with everything inside it, and left unclosed it swallows the rest of the page: write it between backticks (\`<${tag}>\`) to show the tag as text, or delete it`,
  unsupportedMedia: (tag: string) =>
    `<${tag}> is not shown by the site (.md pages show images only): put the file in public/ and link to it, e.g. [Demo video](/demo.mp4)`,
  srcset: 'srcset is not kept by the site: remove it and keep one image in src',
  remoteMedia: (url: string, allowList: boolean) =>
    `loads ${url} from another site, so every reader's browser would call that server: put the file in content/ (next to this page) or public/ and use a relative path such as ![Diagram](./diagram.png)${allowList ? '' : ', or list its host under mediaHosts in playbook.yaml (docs/security.md)'}`,
  dataImage:
    'a data: image must be PNG, JPEG, GIF, WebP or AVIF: save the image as a file in content/ and use ![alt](./image.png)',
  htmlLocalImage: (src: string) =>
    `<img src="${src}"> is not copied into the site: write it as ![description](${src}) so the build ships the file, or put it in public/ and write src="/${src.replace(/^\.?\//, '')}"`,
  imageOutside: (url: string) =>
    `image ${url} lies outside content/ and public/: copy it next to this page and write ![description](./${url.split('/').pop() ?? 'image.png'})`,
  imageNoExtension: (url: string) =>
    `image ${url} has no image extension: use a .png, .jpg, .jpeg, .gif, .webp, .avif or .svg file`,
  imageMissing: (url: string, resolved: string) =>
    `image ${url} does not exist (looked for ${resolved}): check the file name, or add the file`,
  tooDeep: (depth: number, max: number) =>
    `content nests ${depth} levels deep, more than the ${max} the site keeps (deeper text would lose its formatting): use fewer nested quotes (>), lists or HTML elements`,
  mdxSyntax: (reason: string) =>
    `MDX syntax: ${reason}. Fix the JSX on this line, or rename the file to .md if it needs no components`,
  markdownSyntax: (reason: string) => `Markdown could not be read: ${reason}`,
  symlink:
    'is a symbolic link: the site does not follow links, so the file would be missing; replace the link with a copy of the file',
};

export type ContentCheckMessages = typeof en;

const fr: ContentCheckMessages = {
  swallowingElement: (tag) =>
    `<${tag}> est retiré de la page avec tout son contenu, et s'il n'est pas fermé il avale toute la suite de la page\u202f: écrivez-le entre accents graves (\`<${tag}>\`) pour afficher la balise comme du texte, ou supprimez-le`,
  unsupportedMedia: (tag) =>
    `<${tag}> n'est pas affiché par le site (les pages .md n'affichent que des images)\u202f: placez le fichier dans public/ et faites-y un lien, par exemple [Vidéo de démonstration](/demo.mp4)`,
  srcset: "srcset n'est pas conservé par le site\u202f: retirez-le et gardez une seule image dans src",
  remoteMedia: (url, allowList) =>
    `charge ${url} depuis un autre site\u202f: le navigateur de chaque lecteur appellerait ce serveur. Placez le fichier dans content/ (à côté de cette page) ou public/ et utilisez un chemin relatif comme ![Schéma](./schema.png)${allowList ? '' : ', ou ajoutez son hôte à mediaHosts dans playbook.yaml (docs/security.md)'}`,
  dataImage:
    'une image data: doit être au format PNG, JPEG, GIF, WebP ou AVIF\u202f: enregistrez-la comme fichier dans content/ et écrivez ![description](./image.png)',
  htmlLocalImage: (src) =>
    `<img src="${src}"> n'est pas copiée dans le site\u202f: écrivez ![description](${src}) pour que la construction publie le fichier, ou placez-le dans public/ et écrivez src="/${src.replace(/^\.?\//, '')}"`,
  imageOutside: (url) =>
    `l'image ${url} est hors de content/ et public/\u202f: copiez-la à côté de cette page et écrivez ![description](./${url.split('/').pop() ?? 'image.png'})`,
  imageNoExtension: (url) =>
    `l'image ${url} n'a pas d'extension d'image\u202f: utilisez un fichier .png, .jpg, .jpeg, .gif, .webp, .avif ou .svg`,
  imageMissing: (url, resolved) =>
    `l'image ${url} n'existe pas (cherchée en ${resolved})\u202f: vérifiez le nom du fichier, ou ajoutez-le`,
  tooDeep: (depth, max) =>
    `le contenu s'imbrique sur ${depth} niveaux, plus que les ${max} que le site conserve (le texte plus profond perdrait sa mise en forme)\u202f: utilisez moins de citations (>), de listes ou d'éléments HTML imbriqués`,
  mdxSyntax: (reason) =>
    `syntaxe MDX\u202f: ${reason}. Corrigez le JSX de cette ligne, ou renommez le fichier en .md s'il n'utilise aucun composant`,
  markdownSyntax: (reason) => `le Markdown n'a pas pu être lu\u202f: ${reason}`,
  symlink:
    'est un lien symbolique\u202f: le site ne suit pas les liens, le fichier manquerait donc\u202f; remplacez le lien par une copie du fichier',
};

export const contentCheckMessages: Record<Locale, ContentCheckMessages> = { en, fr };
