/** Rules section `affiliateLink`: affiliate networks, cloaking redirects and retail buttons. */
import {z} from 'zod'
import {
  enabled,
  entry,
  host,
  hostPattern,
  hostSchema,
  labelMatcher,
  labelSchema,
  paramMatcher,
  paramSchema,
  urlMatcher,
  type LabelMatcher,
  type UrlMatcher,
} from '../../ruleset/matchers.js'
import {defineSection} from '../../ruleset/section.js'

/** A folder name: letters, digits, dashes and underscores (`go`, `recommends`). */
const folderName = z.string().regex(/^[a-z0-9_-]+$/i, 'a folder name: letters, digits, dashes and underscores')

export const redirectFolderSchema = z
  .object({
    ...entry,
    /** The first path segment of a site-own redirect (`go` for `/go/<slug>`). */
    folder: folderName,
  })
  .strict()

export const schema = z
  .object({
    /** Affiliate networks and cloaking redirectors. */
    hosts: z.array(hostSchema).optional(),
    /** Query parameters that mark a link as an affiliate link. */
    params: z.array(paramSchema).optional(),
    /**
     * Site-own redirect folders (`/go/<slug>`, `/recommends/<slug>/`) on any
     * host: a URL matches only when its whole path is the folder and one
     * slug without a file extension.
     */
    redirectFolders: z.array(redirectFolderSchema).optional(),
    /** Hosts (and their sub-domains) whose folders named like redirects are real pages (docs, code hosts). */
    folderExceptions: z.array(z.object({...entry, host}).strict()).optional(),
    /** Link labels that make an affiliate link a retail button, removed whole. */
    buttons: z.array(labelSchema).optional(),
  })
  .strict()

export interface AffiliateLinkRules {
  readonly hosts: readonly UrlMatcher[]
  readonly params: readonly UrlMatcher[]
  /** Site-own redirect folders, exceptions already applied. */
  readonly folders: readonly UrlMatcher[]
  readonly buttons: readonly LabelMatcher[]
}

/** `/<folder>/<slug>` or `/<folder>/<slug>/`: one segment, no dot (so no `page.php`, no `index.htm`). */
function folderMatcher(folder: z.output<typeof redirectFolderSchema>, exceptions: readonly RegExp[]): UrlMatcher {
  const path = new RegExp(`^/${folder.folder}/[a-z0-9][a-z0-9_-]*/?$`, 'i')
  return {
    id: folder.id,
    note: folder.note,
    test: (url) => path.test(url.pathname) && !exceptions.some((exception) => exception.test(url.hostname)),
  }
}

export function compile(data: z.input<typeof schema> | undefined): AffiliateLinkRules {
  const exceptions = enabled(data?.folderExceptions).map((exception) => hostPattern(exception.host))
  return {
    hosts: enabled(data?.hosts).map(urlMatcher),
    params: enabled(data?.params).map(paramMatcher),
    folders: enabled(data?.redirectFolders).map((folder) => folderMatcher(folder, exceptions)),
    buttons: enabled(data?.buttons).map(labelMatcher),
  }
}

/** The `affiliateLink` section of a rules file. */
export const section = defineSection('affiliateLink', schema, compile)
