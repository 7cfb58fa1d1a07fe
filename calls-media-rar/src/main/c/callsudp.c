/*
 * The JNI half of dev.calls.media.transport.NativeUdp: sends a batch of UDP datagrams with one
 * sendmmsg(2) system call instead of one sendto(2) each, which Java 17's DatagramChannel cannot do.
 * Also the halves of dev.calls.media.transport.ThreadNice and ThreadRealtime: the calling thread's nice
 * value and real-time priority, which Java cannot set for one thread.
 *
 * Nothing here allocates, blocks or keeps state beyond one cached field id: the datagrams stay in the
 * caller's direct buffer, the message headers live on this thread's stack for the length of one call.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <jni.h>
#include <netinet/in.h>
#include <sched.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/resource.h>
#include <sys/uio.h>
#include <unistd.h>

/* Messages per sendmmsg(2) call; the Java batch may be larger and is sent in chunks of this many.
 * 64 keeps the headers (64 x (mmsghdr 64 B + iovec 16 B + sockaddr_in6 28 B) ~ 7 KB) small on the stack;
 * the kernel would take up to UIO_MAXIOV (1024) per call. */
#define CHUNK 64
#define ADDRESS_BYTES 16

/* DatagramChannelImpl's descriptor. JNI does not check module encapsulation, so no --add-opens is needed;
 * a field id stays valid while the class is loaded, and the JDK's own classes are never unloaded. */
static jfieldID fd_field;

static int channel_fd(JNIEnv *env, jobject channel) {
    if (fd_field == NULL) {
        jclass cls = (*env)->GetObjectClass(env, channel);
        fd_field = (*env)->GetFieldID(env, cls, "fdVal", "I");
        if (fd_field == NULL) {
            return -1; /* NoSuchFieldError is pending and reaches the Java caller */
        }
    }
    return (*env)->GetIntField(env, channel, fd_field);
}

/* The family the socket was created with: 6 (AF_INET6, the JDK's dual-stack default), 4 (AF_INET), or -errno. */
JNIEXPORT jint JNICALL Java_dev_calls_media_transport_NativeUdp_socketFamily(JNIEnv *env, jclass cls,
        jobject channel) {
    (void) cls;
    int fd = channel_fd(env, channel);
    if (fd < 0) {
        return -EBADF;
    }
    struct sockaddr_storage local;
    socklen_t length = sizeof local;
    if (getsockname(fd, (struct sockaddr *) &local, &length) != 0) {
        return -errno;
    }
    return local.ss_family == AF_INET6 ? 6 : local.ss_family == AF_INET ? 4 : -EAFNOSUPPORT;
}

/* IPv4-mapped IPv6 addresses, ::ffff:a.b.c.d (RFC 4291 section 2.5.5.2). */
static int is_v4_mapped(const jbyte *address) {
    static const uint8_t prefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    return memcmp(address, prefix, sizeof prefix) == 0;
}

/* Errors after which the rest of the batch would fail the same way (send(2): EAGAIN when the send buffer is
 * full under MSG_DONTWAIT; EBADF, ENOTSOCK when the socket is gone). Any other error concerns one datagram
 * (e.g. EMSGSIZE, ENETUNREACH, EPERM from a firewall): it is refused and the next one is tried. */
static int ends_batch(int error) {
    return error == EAGAIN || error == EWOULDBLOCK || error == EBADF || error == ENOTSOCK;
}

/*
 * Sends datagrams [0, count): datagram i is slab[offsets[i], offsets[i] + lengths[i]) to the IPv6 (or
 * v4-mapped) address addresses[16 i, 16 i + 16), port ports[i], scope scopes[i]. results[i] becomes the bytes
 * sent, or -1 if it was refused. Returns how many were sent. Never blocks: MSG_DONTWAIT.
 */
JNIEXPORT jint JNICALL Java_dev_calls_media_transport_NativeUdp_sendmmsg(JNIEnv *env, jclass cls,
        jobject channel, jboolean ipv6_socket, jobject slab, jintArray offsets, jintArray lengths,
        jbyteArray addresses, jintArray ports, jintArray scopes, jint count, jintArray results) {
    (void) cls;
    int fd = channel_fd(env, channel);
    uint8_t *base = (*env)->GetDirectBufferAddress(env, slab);
    jlong capacity = (*env)->GetDirectBufferCapacity(env, slab);
    if (fd < 0 || base == NULL) {
        return 0;
    }
    jint sent_total = 0;
    int stopped = 0;
    for (jint first = 0; first < count; first += CHUNK) {
        jint n = count - first < CHUNK ? count - first : CHUNK;
        jint offset[CHUNK], length[CHUNK], port[CHUNK], scope[CHUNK], result[CHUNK];
        jbyte address[CHUNK * ADDRESS_BYTES];
        (*env)->GetIntArrayRegion(env, offsets, first, n, offset);
        (*env)->GetIntArrayRegion(env, lengths, first, n, length);
        (*env)->GetIntArrayRegion(env, ports, first, n, port);
        (*env)->GetIntArrayRegion(env, scopes, first, n, scope);
        (*env)->GetByteArrayRegion(env, addresses, first * ADDRESS_BYTES, n * ADDRESS_BYTES, address);
        if ((*env)->ExceptionCheck(env)) {
            return sent_total;
        }

        struct mmsghdr messages[CHUNK];
        struct iovec iov[CHUNK];
        union {
            struct sockaddr_in6 v6;
            struct sockaddr_in v4;
        } to[CHUNK];
        int index[CHUNK]; /* which datagram of the chunk each message is */
        int m = 0;
        for (int i = 0; i < n; i++) {
            const jbyte *a = address + i * ADDRESS_BYTES;
            result[i] = -1;
            if (offset[i] < 0 || length[i] < 0 || (jlong) offset[i] + length[i] > capacity) {
                continue; /* outside the slab: never read memory the buffer does not own */
            }
            memset(&to[m], 0, sizeof to[m]);
            socklen_t to_length;
            if (ipv6_socket) {
                to[m].v6.sin6_family = AF_INET6;
                to[m].v6.sin6_port = htons((uint16_t) port[i]);
                memcpy(&to[m].v6.sin6_addr, a, ADDRESS_BYTES);
                to[m].v6.sin6_scope_id = (uint32_t) scope[i];
                to_length = sizeof to[m].v6;
            } else if (is_v4_mapped(a)) {
                to[m].v4.sin_family = AF_INET;
                to[m].v4.sin_port = htons((uint16_t) port[i]);
                memcpy(&to[m].v4.sin_addr, a + 12, 4);
                to_length = sizeof to[m].v4;
            } else {
                continue; /* an IPv6 destination on an IPv4 socket: refused, as the JDK would refuse it */
            }
            iov[m].iov_base = base + offset[i];
            iov[m].iov_len = (size_t) length[i];
            memset(&messages[m], 0, sizeof messages[m]);
            messages[m].msg_hdr.msg_name = &to[m];
            messages[m].msg_hdr.msg_namelen = to_length;
            messages[m].msg_hdr.msg_iov = &iov[m];
            messages[m].msg_hdr.msg_iovlen = 1;
            index[m] = i;
            m++;
        }

        /* sendmmsg(2): a positive return is how many messages went, their msg_len the bytes of each; an
         * error on the first message of a call returns -1. Continue after the last one sent, and past a
         * datagram that failed on its own. */
        int next = 0;
        while (next < m && !stopped) {
            int r = sendmmsg(fd, messages + next, (unsigned int) (m - next), MSG_DONTWAIT);
            if (r > 0) {
                for (int k = next; k < next + r; k++) {
                    result[index[k]] = (jint) messages[k].msg_len;
                }
                sent_total += r;
                next += r;
            } else if (r < 0 && errno == EINTR) {
                continue;
            } else if (r < 0 && !ends_batch(errno)) {
                next++;
            } else {
                stopped = 1;
            }
        }
        (*env)->SetIntArrayRegion(env, results, first, n, result);
    }
    return sent_total;
}

/* Linux keeps a nice value per thread, and setpriority(2) with PRIO_PROCESS and a thread id sets that one
 * thread's (setpriority(2), BUGS; sched(7)). The calling thread's value, or INT32_MIN with errno lost. */
JNIEXPORT jint JNICALL Java_dev_calls_media_transport_ThreadNice_niceValue(JNIEnv *env, jclass cls) {
    (void) env;
    (void) cls;
    errno = 0;
    int nice = getpriority(PRIO_PROCESS, (id_t) gettid());
    return nice == -1 && errno != 0 ? INT32_MIN : nice;
}

/* Sets the calling thread's nice value: 0, or the errno (EACCES or EPERM without CAP_SYS_NICE or an
 * RLIMIT_NICE that allows the value). */
JNIEXPORT jint JNICALL Java_dev_calls_media_transport_ThreadNice_setNiceValue(JNIEnv *env, jclass cls, jint nice) {
    (void) env;
    (void) cls;
    return setpriority(PRIO_PROCESS, (id_t) gettid(), nice) == 0 ? 0 : errno;
}

/* The calling thread's SCHED_RR priority, 0 for an ordinary (SCHED_OTHER) thread, INT32_MIN under any other
 * policy or on an error. pid 0 is the calling thread (sched_setscheduler(2)). */
JNIEXPORT jint JNICALL Java_dev_calls_media_transport_ThreadRealtime_roundRobinPriority(JNIEnv *env, jclass cls) {
    (void) env;
    (void) cls;
    int policy = sched_getscheduler(0);
    if (policy < 0) {
        return INT32_MIN;
    }
    policy &= ~SCHED_RESET_ON_FORK;
    if (policy == SCHED_OTHER) {
        return 0;
    }
    struct sched_param param;
    return policy == SCHED_RR && sched_getparam(0, &param) == 0 ? param.sched_priority : INT32_MIN;
}

/* Puts the calling thread under SCHED_RR at priority 1-99, or back to SCHED_OTHER for 0 (its nice value is
 * kept), with SCHED_RESET_ON_FORK either way: threads it creates start ordinary, and an unprivileged thread
 * could not clear the flag again (sched(7)). 0, or the errno (EPERM without CAP_SYS_NICE or an RLIMIT_RTPRIO
 * that allows the priority). */
JNIEXPORT jint JNICALL Java_dev_calls_media_transport_ThreadRealtime_setRoundRobinPriority(JNIEnv *env, jclass cls,
        jint priority) {
    (void) env;
    (void) cls;
    struct sched_param param = {.sched_priority = priority};
    int policy = (priority == 0 ? SCHED_OTHER : SCHED_RR) | SCHED_RESET_ON_FORK;
    return sched_setscheduler(0, policy, &param) == 0 ? 0 : errno;
}
